package liaison.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.dbms.api.DatabaseNotFoundException;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Runs Neo4j Community embedded, with only its Bolt connector open on loopback, as a child
 * process of the Liaison server.
 *
 * <p>Why a launcher and not a Neo4j tarball: Maven Central is the one place this project can
 * get Neo4j from, and it ships Neo4j as jars, not as a server distribution.
 *
 * <p>Lifecycle: the parent keeps this process's stdin open; when stdin closes (the parent
 * exited, crashed or was killed with SIGKILL) the database shuts down and the process exits,
 * so no Neo4j ever outlives the app. SIGTERM/SIGINT shut down cleanly through the hook.
 *
 * <p>The home is locked first ({@code <home>/liaison.lock}, held until the process ends): nothing
 * in it (conf, password, logs, store) is written before, so a second instance on the same folder
 * fails without touching the running one's files.
 *
 * <p>Protocol on stdout: {@code LIAISON_NEO4J_LOCKED} once the home is locked (the parent may
 * then write its log there); {@code LIAISON_NEO4J_READY <bolt uri> <neo4j version>} once the
 * default database answers and Bolt accepts connections. Before a non-zero exit, one of:
 * {@code LIAISON_NEO4J_IN_USE <owner>} (another process holds the lock; owner is what it
 * recorded, e.g. "pid 12, neo4j pid 34"), {@code LIAISON_NEO4J_PORT_IN_USE <port>},
 * {@code LIAISON_NEO4J_DATA_DIR_UNUSABLE <errno name> <path>} (the file system refused: EACCES,
 * EPERM, EROFS, ENOSPC, EDQUOT, ENOTDIR), {@code LIAISON_NEO4J_FAILED <reason>}. The password is
 * never printed: it is kept in {@code <home>/auth/password}, readable only by its owner.
 *
 * <p>Usage: {@code Neo4jLauncher --home DIR --port N [--owner-pid PID] [--tx-memory 512m]
 * [--tx-timeout 120s] [--page-cache 256m]}
 */
public final class Neo4jLauncher {
  private static final String PROCEDURE_ALLOWLIST =
      String.join(
          ",",
          "db.labels",
          "db.relationshipTypes",
          "db.propertyKeys",
          "db.schema.visualization",
          "db.schema.nodeTypeProperties",
          "db.schema.relTypeProperties",
          "db.indexes",
          "db.constraints",
          "db.index.fulltext.queryNodes",
          "db.index.fulltext.queryRelationships",
          "db.awaitIndexes",
          "db.awaitIndex",
          "db.ping",
          "db.info",
          "dbms.components",
          "dbms.procedures",
          "dbms.functions");

  private Neo4jLauncher() {}

  public static void main(String[] args) {
    Map<String, String> options = parseArgs(args);
    Path home = Path.of(require(options, "home")).toAbsolutePath();
    int port = Integer.parseInt(require(options, "port"));
    try {
      // Nothing in the home is written before this process holds the lock: a second Liaison on
      // the same folder must leave the running one's files alone.
      Files.createDirectories(home);
      lockHome(home, options.getOrDefault("owner-pid", "?"));
      System.out.println("LIAISON_NEO4J_LOCKED");
      System.out.flush();
      // Checked after the lock, so that a second Liaison on the same folder (and so the same
      // port) is told the folder is in use, which is the actual problem.
      if (!portIsFree(port)) {
        System.out.println("LIAISON_NEO4J_PORT_IN_USE " + port);
        System.out.flush();
        System.exit(4);
      }
      restrictToOwner(home, "rwx------");
      // A bulk import cut short is finished or undone before Neo4j opens the store (Neo4jImport).
      Neo4jImport.settle(home);
      String password = ensurePassword(home);
      DatabaseManagementService dbms = start(home, port, options);
      Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-shutdown"));
      applyPassword(dbms, home, password);
      String version =
          dbms.database("system")
              .executeTransactionally(
                  "CALL dbms.components() YIELD versions RETURN versions[0] AS v",
                  Map.of(),
                  result -> String.valueOf(result.next().get("v")));
      // Ready means the app's database answers, not only the system one: after a crash it may
      // still be recovering, and the first query of a cold JVM is slow.
      awaitDefaultDatabase(dbms, 120_000);
      // The Bolt server can still be binding when the DBMS reports started: ready means it accepts.
      awaitBolt(port, 60_000);
      System.out.println("LIAISON_NEO4J_READY bolt://127.0.0.1:" + port + " " + version);
      System.out.flush();
      waitForParentToGo();
      System.exit(0);
    } catch (HomeInUse inUse) {
      System.out.println("LIAISON_NEO4J_IN_USE " + inUse.owner);
      System.out.flush();
      System.exit(3);
    } catch (Throwable failure) {
      String[] unusable = folderProblem(failure, home);
      System.out.println(
          unusable != null
              ? "LIAISON_NEO4J_DATA_DIR_UNUSABLE " + unusable[0] + " " + unusable[1]
              : "LIAISON_NEO4J_FAILED " + describe(failure));
      System.out.flush();
      failure.printStackTrace(System.err);
      System.exit(1);
    }
  }

  /** Another process holds the home's lock; {@code owner} is what it wrote there (its pids). */
  static final class HomeInUse extends Exception {
    private static final long serialVersionUID = 1L;
    final String owner;

    HomeInUse(String owner) {
      super("in use by " + owner);
      this.owner = owner;
    }
  }

  /** Held for the life of this process; the system releases it when the process ends, however. */
  private static FileLock homeLock;

  /**
   * Takes an exclusive lock on {@code <home>/liaison.lock} and records who holds it. Opening the
   * file does not truncate it, so a second instance that fails to lock changes nothing.
   */
  static void lockHome(Path home, String ownerPid) throws IOException, HomeInUse {
    FileChannel channel =
        FileChannel.open(
            home.resolve("liaison.lock"),
            StandardOpenOption.CREATE,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException sameProcess) {
      lock = null;
    }
    if (lock == null) {
      ByteBuffer buffer = ByteBuffer.allocate(256);
      channel.read(buffer, 0);
      channel.close();
      String owner = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim();
      throw new HomeInUse(owner.isEmpty() ? "pid unknown" : owner.replaceAll("\\s+", " "));
    }
    homeLock = lock;
    channel.truncate(0);
    channel.write(
        ByteBuffer.wrap(
            ("pid " + ownerPid + ", neo4j pid " + ProcessHandle.current().pid() + "\n")
                .getBytes(StandardCharsets.UTF_8)),
        0);
    channel.force(true);
  }

  /**
   * When a failure comes from the file system under the home (no permission, read-only, full,
   * a file where a folder should be), its errno name and the path concerned; otherwise null.
   * Java reports these as messages (strerror), not codes, so the message is what is matched; the
   * parent runs this process with LC_MESSAGES=C so that they are not translated.
   */
  static String[] folderProblem(Throwable failure, Path home) {
    Map<String, String> byMessage = new LinkedHashMap<>();
    byMessage.put("No space left on device", "ENOSPC");
    byMessage.put("Disk quota exceeded", "EDQUOT");
    byMessage.put("Disc quota exceeded", "EDQUOT"); // macOS spelling
    byMessage.put("Read-only file system", "EROFS");
    byMessage.put("Permission denied", "EACCES");
    byMessage.put("Operation not permitted", "EPERM");
    byMessage.put("Not a directory", "ENOTDIR");
    Throwable cause = failure;
    while (cause != null) {
      // Sockets say "Permission denied" too (a port below 1024): only file errors count here.
      if (cause instanceof IOException && !(cause instanceof SocketException)) {
        String message = String.valueOf(cause.getMessage());
        String code = cause instanceof AccessDeniedException ? "EACCES" : null;
        for (Map.Entry<String, String> entry : byMessage.entrySet()) {
          if (code == null && message.contains(entry.getKey())) {
            code = entry.getValue();
          }
        }
        if (code != null) {
          String file =
              cause instanceof FileSystemException fs && fs.getFile() != null
                  ? fs.getFile()
                  : home.toString();
          return new String[] {code, Path.of(file).toAbsolutePath().toString()};
        }
      }
      cause = cause.getCause() == cause ? null : cause.getCause();
    }
    return null;
  }

  private static DatabaseManagementService start(Path home, int port, Map<String, String> options)
      throws IOException {
    Map<String, String> config = new TreeMap<>();
    config.put("server.bolt.enabled", "true");
    config.put("server.bolt.listen_address", "127.0.0.1:" + port);
    config.put("server.bolt.advertised_address", "127.0.0.1:" + port);
    config.put("dbms.security.auth_enabled", "true");
    // Nothing reads files or fetches URLs on the database's behalf: no LOAD CSV from files,
    // and every address blocked for LOAD CSV from URLs.
    config.put("dbms.security.allow_csv_import_from_file_urls", "false");
    config.put("internal.dbms.cypher_ip_blocklist", "0.0.0.0/0,::/0");
    config.put("dbms.security.procedures.allowlist", PROCEDURE_ALLOWLIST);
    // A greedy query fails alone instead of taking the database down.
    config.put("db.memory.transaction.max", options.getOrDefault("tx-memory", "512m"));
    // All transactions together stay well inside the heap (the default heap is 1g).
    config.put("dbms.memory.transaction.total.max", options.getOrDefault("tx-memory-total", "768m"));
    config.put("db.transaction.timeout", options.getOrDefault("tx-timeout", "120s"));
    config.put("server.memory.pagecache.size", options.getOrDefault("page-cache", "256m"));
    config.put("dbms.usage_report.enabled", "false");
    // Netty waits a 5 s quiet period by default before Bolt closes; the app has already closed its
    // connections when it asks the database to stop.
    config.put("internal.dbms.bolt.netty_server_shutdown_quiet_period", "0");
    config.put("internal.dbms.bolt.netty_server_shutdown_timeout", "5");
    // Written out on every start so that what the database runs with can be read on disk.
    Path conf = home.resolve("conf/neo4j.conf");
    Files.createDirectories(conf.getParent());
    StringBuilder text = new StringBuilder("# Written by Neo4jLauncher at each start; edits are overwritten.\n");
    config.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
    Files.writeString(conf, text.toString(), StandardCharsets.UTF_8);
    return new DatabaseManagementServiceBuilder(home).loadPropertiesFromFile(conf).build();
  }

  /** The password is generated once, at the first start, and kept beside the data. */
  private static String ensurePassword(Path home) throws IOException {
    Path dir = home.resolve("auth");
    Files.createDirectories(dir);
    restrictToOwner(dir, "rwx------");
    Path file = dir.resolve("password");
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    }
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Path pending = dir.resolve("password.pending");
    Files.writeString(pending, password, StandardCharsets.UTF_8);
    restrictToOwner(pending, "rw-------");
    return password;
  }

  /**
   * Sets the generated password on the first start. It is written under its final name only
   * once the database has taken it, so a crash in between just means a new one next time.
   */
  private static void applyPassword(DatabaseManagementService dbms, Path home, String password)
      throws IOException {
    Path pending = home.resolve("auth/password.pending");
    if (!Files.exists(pending)) {
      return;
    }
    dbms.database("system")
        .executeTransactionally(
            "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
            Map.of("password", password));
    Files.move(pending, home.resolve("auth/password"), StandardCopyOption.ATOMIC_MOVE);
  }

  private static void awaitDefaultDatabase(DatabaseManagementService dbms, long timeoutMs)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (true) {
      try {
        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (db.isAvailable(1_000)) {
          db.executeTransactionally("RETURN 1");
          return;
        }
      } catch (DatabaseNotFoundException notYetCreated) {
        Thread.sleep(100);
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("the database did not become available in time");
      }
    }
  }

  /** False only when something listens there; any other refusal is left for Neo4j to report. */
  private static boolean portIsFree(int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress("127.0.0.1", port));
      return true;
    } catch (BindException refused) {
      return !String.valueOf(refused.getMessage()).contains("in use");
    } catch (IOException other) {
      return true;
    }
  }

  private static void awaitBolt(int port, long timeoutMs) throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
        return;
      } catch (IOException notYet) {
        if (System.currentTimeMillis() > deadline) {
          throw new IOException("Bolt did not accept connections on 127.0.0.1:" + port, notYet);
        }
        Thread.sleep(100);
      }
    }
  }

  private static void waitForParentToGo() throws IOException {
    InputStream in = System.in;
    byte[] buffer = new byte[256];
    while (in.read(buffer) != -1) {
      // The parent writes nothing; any input is ignored. EOF means it is gone.
    }
  }

  private static void restrictToOwner(Path path, String permissions) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    } catch (UnsupportedOperationException notPosix) {
      // Not a POSIX file system (e.g. Windows): the user's profile folder protects it.
    }
  }

  static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.replaceAll("\\s+", " ");
  }

  static Map<String, String> parseArgs(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("Neo4jLauncher: unexpected argument " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  static String require(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      System.out.println("LIAISON_NEO4J_FAILED missing --" + name);
      System.exit(2);
    }
    return value;
  }
}
