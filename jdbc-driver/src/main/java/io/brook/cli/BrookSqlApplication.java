package io.brook.cli;

import io.brook.engine.BrookVersion;
import sqlline.Application;
import sqlline.SqlLine;
import sqlline.SqlLineOpts;

import java.util.Collection;
import java.util.List;

/** Names the sqlline shell Brook and suggests Brook URLs to {@code !connect}. */
public final class BrookSqlApplication extends Application {

    @Override
    public String getInfoMessage() {
        return BrookVersion.PRODUCT + " " + BrookVersion.VERSION + " SQL shell (" + getVersion() + ")."
                + " Ctrl-C cancels the running query; !quit leaves; !help lists commands.";
    }

    /**
     * The options the shell already has. sqlline applies {@code -ac} after the {@code --name=value}
     * arguments, and the default here would replace them with fresh defaults.
     */
    @Override
    public SqlLineOpts getOpts(SqlLine sqlLine) {
        return sqlLine.getOpts();
    }

    @Override
    public Collection<String> getConnectionUrlExamples() {
        return List.of(SqlShellArguments.DEFAULT_URL, "jdbc:brook:file:<directory>", "jdbc:brook:mem:<name>");
    }
}
