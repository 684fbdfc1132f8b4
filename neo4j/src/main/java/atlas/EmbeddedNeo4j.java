package atlas;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.FileUserRepository;

/**
 * Runs Neo4j Community in this JVM with Bolt on 127.0.0.1, for Coalition Atlas's embedded default.
 *
 * Usage: java -jar atlas-neo4j.jar --port 7687 --store .data/neo4j --password-file .data/neo4j.password
 *        [--pagecache-mb 256] [--exit-with-parent]
 *
 * Prints exactly one line starting with "NEO4J_READY" on stdout once the database accepts Bolt
 * connections; the Node side waits for it. SIGTERM/SIGINT shut the database down cleanly so the
 * store is reused on the next start.
 *
 * Security: authentication is on, the user `neo4j` has the password in --password-file (the Node
 * side creates it, owner-only); `LOAD CSV` cannot read local files, and only the procedures the app
 * calls are loaded. Bolt (and the WebSocket flavour Neo4j serves on the same port) listens on loopback.
 *
 * With --exit-with-parent the JVM shuts down when its stdin reaches end-of-file or its parent process
 * is gone, so a killed Node process never leaves a database behind. The launcher's pid, its parent's
 * pid and the port are kept in <store>/atlas-launcher.pid while it runs, so a later start can tell a
 * leftover launcher of this store from a live one.
 */
public final class EmbeddedNeo4j {
    private EmbeddedNeo4j() {}

    /** The procedures the app calls (cypher/ and server/db/database.ts); nothing else is loaded. */
    private static final List<String> PROCEDURES = List.of("db.index.fulltext.queryNodes", "db.awaitIndexes");

    /** How long a shutdown may take before the JVM halts anyway (the store recovers from its logs). */
    private static final Duration SHUTDOWN_LIMIT = Duration.ofSeconds(15);

    public static void main(String[] args) throws Exception {
        int port = 7687;
        Path store = Path.of(".data/neo4j");
        Path passwordFile = null;
        long pageCacheMb = 256;
        boolean exitWithParent = false;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> { port = Integer.parseInt(require(args[i], value)); i++; }
                case "--store" -> { store = Path.of(require(args[i], value)); i++; }
                case "--password-file" -> { passwordFile = Path.of(require(args[i], value)); i++; }
                case "--pagecache-mb" -> { pageCacheMb = Long.parseLong(require(args[i], value)); i++; }
                case "--exit-with-parent" -> exitWithParent = true;
                default -> fail("unknown argument " + args[i]
                        + " (expected --port, --store, --password-file, --pagecache-mb, --exit-with-parent)");
            }
        }
        if (passwordFile == null) fail("--password-file is required (the password of the user neo4j)");
        String password = Files.readString(passwordFile, StandardCharsets.UTF_8).trim();
        if (password.length() < 16) fail("the password in " + passwordFile + " is shorter than 16 characters");

        Path home = store.toAbsolutePath();
        Files.createDirectories(home);
        Path pidFile = home.resolve("atlas-launcher.pid");
        long parentPid = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
        Files.writeString(pidFile, ProcessHandle.current().pid() + " " + parentPid + " " + port + "\n");

        // A new store gets its password before the system database exists, so there is no moment in
        // which the default neo4j/neo4j account is reachable over Bolt.
        if (!Files.exists(home.resolve("data/databases/system"))) writeInitialUser(home, password);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(GraphDatabaseSettings.procedure_allowlist, PROCEDURES)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheMb * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Bolt waits 5 s twice for idle connections on shutdown by default; the databases
                // are already checkpointed by then, so a short wait keeps Ctrl-C snappy.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("NEO4J_STOPPING");
            Thread limit = new Thread(() -> {
                try {
                    Thread.sleep(SHUTDOWN_LIMIT.toMillis());
                    System.err.println("NEO4J_HALT shutdown took over " + SHUTDOWN_LIMIT.toSeconds() + " s");
                    Runtime.getRuntime().halt(3);
                } catch (InterruptedException ignored) {
                    // shut down in time
                }
            }, "neo4j-shutdown-limit");
            limit.setDaemon(true);
            limit.start();
            dbms.shutdown();
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // a stale pid file is checked against the running processes anyway
            }
            System.out.println("NEO4J_STOPPED");
            stopped.countDown();
        }, "neo4j-shutdown"));
        if (exitWithParent) watchParent();

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(Duration.ofMinutes(2).toMillis())) {
            fail("database did not become available within 2 minutes; see the logs under " + home.resolve("logs"));
        }
        setPassword(dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), password);
        System.out.println("NEO4J_READY bolt://127.0.0.1:" + port + " store=" + home);
        System.out.flush();
        stopped.await();
    }

    /** Writes data/dbms/auth.ini, which Neo4j reads once to create the user neo4j in a new system database. */
    private static void writeInitialUser(Path home, String password) throws Exception {
        Path file = home.resolve("data/dbms/auth.ini");
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        SystemGraphCredential credential =
                SystemGraphCredential.createCredentialForPassword(password.getBytes(StandardCharsets.UTF_8), new SecureHasher());
        try (DefaultFileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
            FileUserRepository users = new FileUserRepository(fs, file, NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
            users.start();
            users.create(new User("neo4j", null, credential, false, false));
        }
    }

    /**
     * Makes the password file authoritative for a store created before authentication was on (its
     * neo4j user still has the default password) or whose password file was replaced.
     */
    private static void setPassword(GraphDatabaseService system, String password) {
        try {
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (QueryExecutionException e) {
            // Neo4j refuses to "change" a password to the one already set: nothing to do.
            if (!e.getMessage().contains("Old password and new password cannot be the same")) throw e;
        }
    }

    /** Shuts down (through the shutdown hook) when stdin closes or the parent process is gone. */
    private static void watchParent() {
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        Thread stdin = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // the parent never writes; reading only waits for end-of-file
                }
            } catch (IOException ignored) {
                // a broken pipe means the same as end-of-file
            }
            parentGone("its stdin closed");
        }, "parent-stdin-watch");
        stdin.setDaemon(true);
        stdin.start();
        Thread poll = new Thread(() -> {
            while (parent != null && parent.isAlive()) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            parentGone("its parent process exited");
        }, "parent-pid-watch");
        poll.setDaemon(true);
        poll.start();
    }

    private static synchronized void parentGone(String why) {
        System.err.println("NEO4J_PARENT_GONE " + why + "; shutting down");
        System.exit(0);
    }

    private static String require(String flag, String value) {
        if (value == null) fail(flag + " needs a value");
        return value;
    }

    private static void fail(String message) {
        System.err.println("NEO4J_FAILED " + message);
        System.exit(2);
    }
}
