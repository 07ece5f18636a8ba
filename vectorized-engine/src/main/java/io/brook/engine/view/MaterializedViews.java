package io.brook.engine.view;

import io.brook.engine.catalog.Catalog;
import io.brook.engine.catalog.Column;
import io.brook.engine.catalog.ViewEntry;
import io.brook.engine.error.BrookException;
import io.brook.engine.error.ErrorCode;
import io.brook.engine.function.FunctionRegistry;
import io.brook.engine.plan.Parameters;
import io.brook.engine.plan.PlanningContext;
import io.brook.engine.plan.StreamSource;
import io.brook.engine.plan.SystemTables;
import io.brook.engine.sql.ast.CreateMaterializedView;
import io.brook.engine.sql.ast.DropView;
import io.brook.engine.sql.ast.SystemViewCommand;
import io.brook.engine.statement.QueryContextFactory;
import io.brook.engine.statement.StreamDdl;
import io.brook.engine.statement.WriteTarget;
import io.brook.engine.stream.StreamTable;
import io.brook.engine.types.BrookType;
import io.brook.storage.checkpoint.CheckpointStore;
import io.brook.storage.log.LogStart;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's materialized views (SPEC 5.1): CREATE and DROP VIEW, SYSTEM PAUSE and RESUME,
 * SHOW MATERIALIZED VIEWS and {@code system.materialized_views}. Views are persisted in the
 * catalog as their DDL; when the engine opens, the catalog replay re-creates them and
 * {@link #startAll} starts them, each from its checkpoint.
 */
public final class MaterializedViews implements AutoCloseable {
    public static final List<Column> SHOW = List.of(Column.of("name", BrookType.STRING));

    private final Catalog catalog;
    private final FunctionRegistry functions;
    private final SystemTables systemTables;
    private final StreamDdl streams;
    private final QueryContextFactory contexts;
    private final ViewCheckpoints checkpoints;
    private final Map<String, MaterializedView> views = new ConcurrentHashMap<>();

    public MaterializedViews(Catalog catalog, FunctionRegistry functions, SystemTables systemTables, StreamDdl streams,
                             QueryContextFactory contexts, CheckpointStore checkpoints) {
        this.catalog = catalog;
        this.functions = functions;
        this.systemTables = systemTables;
        this.streams = streams;
        this.contexts = contexts;
        this.checkpoints = new ViewCheckpoints(checkpoints);
        systemTables.register("materialized_views", new ViewSystemTable(this));
    }

    /**
     * CREATE MATERIALIZED VIEW. Everything is checked before anything changes; the view starts
     * at once unless {@code pause_on_start=true}. When {@code replay} (the engine opening), the
     * view is registered with its checkpoint and started later by {@link #startAll}.
     */
    public synchronized void create(CreateMaterializedView create, String ddl, boolean replay) {
        String name = StreamDdl.checkedName(create.name());
        if (create.ifNotExists() && catalog.exists(name)) {
            return;
        }
        ViewSettings settings = ViewSettings.of(create.settings());
        PlanningContext planning = new PlanningContext(catalog, functions, systemTables, settings.query(),
                Parameters.NONE, ddl, Catalog.DEFAULT_DATABASE);
        ViewPlan plan = ViewPlanner.plan(create, name, settings, planning);
        StreamTable own = catalog.addView(plan.entry(), ddl, !replay,
                plan.ownsStream() ? () -> streams.ownedStream(name, plan.ownColumns(), replay) : null);
        try {
            WriteTarget target = own != null ? WriteTarget.of(own) : WriteTarget.resolve(catalog, plan.into());
            ViewCheckpoint checkpoint = replay ? checkpoints.read(name).orElseGet(() -> initial(plan, target))
                    : initial(plan, target);
            if (!replay) {
                checkpoints.write(name, checkpoint);
            }
            MaterializedView view = new MaterializedView(plan, target, checkpoint, checkpoints, contexts, functions);
            views.put(name, view);
            if (settings.pauseOnStart()) {
                view.startPaused();
            } else if (!replay) {
                view.start();
            }
        } catch (RuntimeException e) {
            views.remove(name);
            if (!replay) {
                undoCreate(name, own);
            }
            throw e;
        }
    }

    /**
     * Where a new view starts: a read from the end of the log (a streaming query's default) is
     * pinned to the end now, so rows written after CREATE returns are the view's even if it is
     * paused or the engine closes before its first checkpoint; {@code seek_to='earliest'} is
     * position 0 (the oldest row kept); a time bound stays the query's until rows are read.
     */
    private static ViewCheckpoint initial(ViewPlan plan, WriteTarget target) {
        long source = -1;
        if (plan.query().source() instanceof StreamSource stream) {
            source = switch (stream.start()) {
                case LogStart.Latest ignored -> stream.stream().log().nextSn();
                case LogStart.Earliest ignored -> 0;
                default -> -1;
            };
        }
        long targetEnd = target.stream() == null ? -1 : target.stream().log().nextSn();
        return new ViewCheckpoint(source, targetEnd, 0, List.of(), System.currentTimeMillis());
    }

    private void undoCreate(String name, StreamTable own) {
        try {
            catalog.removeView(name);
            checkpoints.delete(name);
            if (own != null) {
                streams.deleteOwned(own);
            }
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(MaterializedViews.class).warn("Undoing view {} failed: {}", name, e.getMessage());
        }
    }

    /** Starts the views the catalog replay registered, except those with {@code pause_on_start}. */
    public void startAll() {
        for (MaterializedView view : views.values()) {
            if (!view.plan().settings().pauseOnStart()) {
                view.start();
            }
        }
    }

    /** DROP VIEW: stops the view and removes it, its checkpoint and the stream it owns with its data. */
    public synchronized void drop(DropView drop) {
        String name = StreamDdl.checkedName(drop.name());
        ViewEntry entry = catalog.view(name);
        if (entry == null) {
            if (catalog.exists(name)) {
                throw new BrookException(ErrorCode.BAD_ARGUMENTS, name + " is not a materialized view: use DROP STREAM " + name);
            }
            if (drop.ifExists()) {
                return;
            }
            throw Catalog.unknownStream(name);
        }
        StreamDdl.requireUnused(catalog, name);
        MaterializedView view = views.get(name);
        StreamTable own = entry.ownsStream() ? catalog.stream(name) : null;
        if (view != null) {
            view.drop();
        }
        try {
            catalog.removeView(name);
        } catch (RuntimeException e) {
            if (view != null) {
                view.start();
            }
            throw e;
        }
        views.remove(name);
        checkpoints.delete(name);
        if (own != null) {
            streams.deleteOwned(own);
        }
    }

    /** SYSTEM PAUSE / RESUME / UNPAUSE MATERIALIZED VIEW. */
    public void command(SystemViewCommand command) {
        String name = StreamDdl.checkedName(command.view());
        MaterializedView view = views.get(name);
        if (view == null) {
            if (catalog.view(name) != null) {
                throw new BrookException(ErrorCode.LOGICAL_ERROR,
                        "Materialized view " + name + " could not be restored when the engine opened (see the log)");
            }
            if (catalog.exists(name)) {
                throw new BrookException(ErrorCode.BAD_ARGUMENTS, name + " is not a materialized view");
            }
            throw Catalog.unknownStream(name);
        }
        switch (command.action()) {
            case PAUSE -> view.pause();
            case RESUME -> view.resume();
        }
    }

    /** The rows of SHOW MATERIALIZED VIEWS, by name. */
    public List<List<Object>> show() {
        List<List<Object>> rows = new ArrayList<>();
        for (ViewEntry view : catalog.views()) {
            rows.add(List.of(view.name()));
        }
        return rows;
    }

    /** Each view's status row, ordered by name. */
    List<List<Object>> statusRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (ViewEntry entry : catalog.views()) {
            MaterializedView view = views.get(entry.name());
            if (view != null) {
                rows.add(view.statusRow());
            }
        }
        return rows;
    }

    /** Stops every view at a checkpoint, for the engine closing. */
    @Override
    public void close() {
        for (MaterializedView view : views.values()) {
            view.close();
        }
    }
}
