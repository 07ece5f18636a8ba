package io.brook.engine.sql;

import io.brook.engine.sql.BrookParser.*;
import io.brook.engine.sql.ast.ColumnDef;
import io.brook.engine.sql.ast.CreateExternalStream;
import io.brook.engine.sql.ast.CreateFunction;
import io.brook.engine.sql.ast.CreateMaterializedView;
import io.brook.engine.sql.ast.CreateStream;
import io.brook.engine.sql.ast.Describe;
import io.brook.engine.sql.ast.DropFunction;
import io.brook.engine.sql.ast.DropStream;
import io.brook.engine.sql.ast.DropView;
import io.brook.engine.sql.ast.Explain;
import io.brook.engine.sql.ast.Expression;
import io.brook.engine.sql.ast.Insert;
import io.brook.engine.sql.ast.ParameterDef;
import io.brook.engine.sql.ast.Select;
import io.brook.engine.sql.ast.SetStatement;
import io.brook.engine.sql.ast.Setting;
import io.brook.engine.sql.ast.ShowDatabases;
import io.brook.engine.sql.ast.ShowFunctions;
import io.brook.engine.sql.ast.ShowMaterializedViews;
import io.brook.engine.sql.ast.ShowStreams;
import io.brook.engine.sql.ast.Statement;
import io.brook.engine.sql.ast.SystemViewCommand;
import io.brook.engine.sql.ast.Use;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds {@link Statement}s: DDL, DML and the small commands; queries go to {@link QueryBuilder}. */
final class StatementBuilder extends BrookBaseVisitor<Statement> {
    private final QueryBuilder queries;
    private final ExpressionBuilder expressions;

    StatementBuilder(Map<Integer, Integer> parameterIndexByToken) {
        this.queries = new QueryBuilder(parameterIndexByToken);
        this.expressions = queries.expressions();
    }

    ExpressionBuilder expressions() {
        return expressions;
    }

    Statement statement(StatementContext context) {
        return visit(context.getChild(0));
    }

    @Override
    public Statement visitQuery(QueryContext context) {
        return queries.select(context);
    }

    // ------------------------------------------------------------ streams

    @Override
    public Statement visitCreateStreamStatement(CreateStreamStatementContext context) {
        return new CreateStream(Names.qualifiedName(context.qualifiedName()), context.ifNotExists() != null,
                columns(context.columnDefinition()), QueryBuilder.settings(context.settingsClause()));
    }

    @Override
    public Statement visitCreateExternalStreamStatement(CreateExternalStreamStatementContext context) {
        Token body = context.DOLLAR_BODY() == null ? null : context.DOLLAR_BODY().getSymbol();
        return new CreateExternalStream(Names.qualifiedName(context.qualifiedName()), context.ifNotExists() != null,
                columns(context.columnDefinition()),
                body == null ? null : TokenText.dollarBody(body.getText()),
                body == null ? 0 : body.getLine(),
                QueryBuilder.settings(context.settingsClause()));
    }

    private List<ColumnDef> columns(List<ColumnDefinitionContext> contexts) {
        return contexts.stream().map(this::column).toList();
    }

    private ColumnDef column(ColumnDefinitionContext context) {
        Expression defaultValue = context.expression() == null ? null : expressions.expression(context.expression());
        String comment = context.STRING() == null ? null : TokenText.unquote(context.STRING().getText());
        return new ColumnDef(Names.identifier(context.identifier()), TypeBuilder.dataType(context.dataType()),
                defaultValue, comment);
    }

    @Override
    public Statement visitDropStreamStatement(DropStreamStatementContext context) {
        return new DropStream(Names.qualifiedName(context.qualifiedName()), context.ifExists() != null);
    }

    // ------------------------------------------------------------ views

    @Override
    public Statement visitCreateMaterializedViewStatement(CreateMaterializedViewStatementContext context) {
        Select query = queries.select(context.query());
        return new CreateMaterializedView(Names.qualifiedName(context.name), context.ifNotExists() != null,
                context.target == null ? null : Names.qualifiedName(context.target),
                query.withSettings(List.of()), query.settings());
    }

    @Override
    public Statement visitDropViewStatement(DropViewStatementContext context) {
        return new DropView(Names.qualifiedName(context.qualifiedName()), context.ifExists() != null);
    }

    @Override
    public Statement visitSystemStatement(SystemStatementContext context) {
        SystemViewCommand.Action action = context.action.getType() == BrookLexer.PAUSE
                ? SystemViewCommand.Action.PAUSE : SystemViewCommand.Action.RESUME;
        return new SystemViewCommand(action, Names.qualifiedName(context.qualifiedName()));
    }

    // ------------------------------------------------------------ functions

    @Override
    public Statement visitCreateFunctionStatement(CreateFunctionStatementContext context) {
        List<ParameterDef> parameters = context.parameterDefinition().stream()
                .map(p -> new ParameterDef(Names.identifier(p.identifier()), TypeBuilder.dataType(p.dataType())))
                .toList();
        Token body = context.body;
        String bodyText = body.getType() == BrookLexer.DOLLAR_BODY
                ? TokenText.dollarBody(body.getText()) : TokenText.unquote(body.getText());
        return new CreateFunction(Names.identifier(context.identifier(0)), context.REPLACE() != null,
                context.AGGREGATE() != null, parameters, TypeBuilder.dataType(context.dataType()),
                Names.identifier(context.language), bodyText, body.getLine());
    }

    @Override
    public Statement visitDropFunctionStatement(DropFunctionStatementContext context) {
        return new DropFunction(Names.identifier(context.identifier()), context.ifExists() != null);
    }

    // ------------------------------------------------------------ INSERT

    @Override
    public Statement visitInsertStatement(InsertStatementContext context) {
        List<Setting> settings = new ArrayList<>(QueryBuilder.settings(context.leading));
        settings.addAll(QueryBuilder.settings(context.trailing));
        List<String> columns = Names.identifiers(context.identifier());
        if (context.query() != null) {
            return new Insert(Names.qualifiedName(context.qualifiedName()), columns, null,
                    queries.select(context.query()), settings);
        }
        List<List<Expression>> rows = context.valuesRow().stream()
                .map(row -> expressions.expressions(row.expression()))
                .toList();
        return new Insert(Names.qualifiedName(context.qualifiedName()), columns, rows, null, settings);
    }

    // ------------------------------------------------------------ small commands

    @Override
    public Statement visitShowStreams(ShowStreamsContext context) {
        return new ShowStreams();
    }

    @Override
    public Statement visitShowDatabases(ShowDatabasesContext context) {
        return new ShowDatabases();
    }

    @Override
    public Statement visitShowFunctions(ShowFunctionsContext context) {
        return new ShowFunctions();
    }

    @Override
    public Statement visitShowMaterializedViews(ShowMaterializedViewsContext context) {
        return new ShowMaterializedViews();
    }

    @Override
    public Statement visitDescribeStatement(DescribeStatementContext context) {
        return new Describe(Names.qualifiedName(context.qualifiedName()));
    }

    @Override
    public Statement visitExplainStatement(ExplainStatementContext context) {
        return new Explain(statement(context.statement()));
    }

    @Override
    public Statement visitUseStatement(UseStatementContext context) {
        return new Use(Names.identifier(context.identifier()));
    }

    @Override
    public Statement visitSetStatement(SetStatementContext context) {
        Setting setting = QueryBuilder.setting(context.setting());
        return new SetStatement(setting.name(), setting.value());
    }
}
