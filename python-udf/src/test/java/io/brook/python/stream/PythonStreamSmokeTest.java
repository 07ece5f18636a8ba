package io.brook.python.stream;

import io.brook.engine.Engine;
import io.brook.engine.EngineConfig;
import io.brook.engine.QueryResult;
import io.brook.engine.Session;
import io.brook.python.Sql;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PythonStreamSmokeTest {

    @Test
    void cancel() throws Exception {
        try (Engine engine = Engine.open(EngineConfig.memory("py-smoke")); Session session = engine.openSession(Map.of())) {
            session.execute("""
                    CREATE EXTERNAL STREAM slow (n int64) AS $$
                    import time
                    def slow():
                        try:
                            yield 1
                            time.sleep(100)
                        except KeyboardInterrupt:
                            print("KI seen")
                            raise
                        except BaseException as e:
                            print("other %r %r %s" % (type(e).__mro__, isinstance(e, KeyboardInterrupt), e))
                            raise
                        finally:
                            print("finally ran")
                    def bye():
                        print("deinit ran")
                    $$ SETTINGS type='python', deinit_function_name='bye'""");
            QueryResult result = (QueryResult) session.execute("SELECT n FROM slow");
            var chunk = result.next(30_000_000_000L);
            System.out.println("first " + chunk);
            chunk.close();
            Thread.sleep(300);
            long t0 = System.nanoTime();
            result.cancel();
            try {
                while (!result.isFinished()) result.next(1_000_000_000L);
            } catch (Exception e) {
                System.out.println("ended " + e.getMessage());
            }
            result.close();
            System.out.println("cancel ms " + (System.nanoTime() - t0) / 1e6);
            session.execute("""
                    CREATE EXTERNAL STREAM spin (n int64) AS $$
                    def spin():
                        try:
                            while True:
                                pass
                        finally:
                            print("spin finally")
                    $$ SETTINGS type='python'""");
            result = (QueryResult) session.execute("SELECT n FROM spin");
            Thread.sleep(1000);
            t0 = System.nanoTime();
            result.cancel();
            try {
                while (!result.isFinished()) result.next(1_000_000_000L);
            } catch (Exception e) {
                System.out.println("ended " + e.getMessage());
            }
            result.close();
            System.out.println("cancel2 ms " + (System.nanoTime() - t0) / 1e6);
            System.out.println(Sql.rows(session, "SELECT n FROM slow LIMIT 1"));
            System.out.println(Sql.rows(session, "SELECT * FROM system.python"));
        }
    }
}
