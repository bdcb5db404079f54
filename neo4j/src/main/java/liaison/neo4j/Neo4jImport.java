package liaison.neo4j;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.importer.ImportCommand;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import picocli.CommandLine;

/**
 * The first load of a large dataset into the bundled Neo4j: runs Neo4j's offline bulk importer
 * ({@code neo4j-admin database import full}, from the same Maven artifacts) into a Neo4j home of
 * its own beside the served one ({@code <home>-import}), where server/dataset/bulk-import.ts
 * then finishes the database (schema, indexes, the Dataset node, who met whom) before it is
 * swapped in. docs/loading.md describes the whole path.
 *
 * <p>Never a broken store: nothing under the served home is touched until the import home holds
 * a finished database and the marker {@code <home>-import/complete}. {@link #settle}, run by the
 * launcher under the served home's lock before every start, then swaps it in: the served
 * {@code data/databases/neo4j} and {@code data/transactions/neo4j} are renamed to
 * {@code liaison-replaced}, the imported ones renamed into their place, the marker removed and
 * the rest deleted. Each step is a rename skipped once done, so a start after a kill at any
 * point finishes the swap; without the marker, a half import is deleted. Whatever the moment a
 * process is killed, the next start serves the old database or the complete new one.
 *
 * <p>Protocol on stdout, like the launcher's: {@code LIAISON_NEO4J_LOCKED}, then
 * {@code LIAISON_NEO4J_IMPORTED} on success, or {@code LIAISON_NEO4J_IN_USE <owner>} /
 * {@code LIAISON_NEO4J_FAILED <reason>} before a non-zero exit. The importer's own output goes
 * to stderr.
 *
 * <p>Usage: {@code Neo4jImport --home IMPORT_HOME --owner-pid PID --arguments FILE}, where FILE
 * holds the importer's options, one per line (e.g. {@code --nodes=Actor=/x/actor.header.csv,/x/actor.csv}).
 */
public final class Neo4jImport {
  private static final String DATABASE = "neo4j";
  private static final String REPLACED = "liaison-replaced";
  private static final String MARKER = "complete";
  private static final String[] KINDS = {"databases", "transactions"};

  private Neo4jImport() {}

  public static void main(String[] args) {
    java.util.Map<String, String> options = Neo4jLauncher.parseArgs(args);
    Path home = Path.of(Neo4jLauncher.require(options, "home")).toAbsolutePath();
    Path arguments = Path.of(Neo4jLauncher.require(options, "arguments")).toAbsolutePath();
    try {
      Files.createDirectories(home);
      Neo4jLauncher.lockHome(home, options.getOrDefault("owner-pid", "?"));
      System.out.println("LIAISON_NEO4J_LOCKED");
      System.out.flush();
      Files.deleteIfExists(home.resolve(MARKER));
      stopWhenParentGoes();
      List<String> importerArgs =
          Files.readAllLines(arguments, StandardCharsets.UTF_8).stream()
              .filter(line -> !line.isBlank())
              .toList();
      int code = runImporter(home, importerArgs);
      if (code != 0) {
        System.out.println("LIAISON_NEO4J_FAILED the importer exited with code " + code);
        System.out.flush();
        System.exit(1);
      }
      System.out.println("LIAISON_NEO4J_IMPORTED");
      System.out.flush();
      System.exit(0);
    } catch (Neo4jLauncher.HomeInUse inUse) {
      System.out.println("LIAISON_NEO4J_IN_USE " + inUse.owner);
      System.out.flush();
      System.exit(3);
    } catch (Throwable failure) {
      System.out.println("LIAISON_NEO4J_FAILED " + Neo4jLauncher.describe(failure));
      System.out.flush();
      failure.printStackTrace(System.err);
      System.exit(1);
    }
  }

  /**
   * Runs {@code database import full neo4j} in the import home with picocli, as neo4j-admin
   * would. Its report and progress go to stderr, so that stdout carries only the protocol.
   */
  private static int runImporter(Path home, List<String> importerArgs) throws IOException {
    PrintStream err = System.err;
    Files.createDirectories(home.resolve("conf"));
    ExecutionContext context =
        new ExecutionContext(home, home.resolve("conf"), err, err, new DefaultFileSystemAbstraction());
    // The `full` subcommand itself: neo4j-admin builds it with a factory that hands it the context.
    CommandLine command = new CommandLine(new ImportCommand.Full(context));
    command.setOut(new java.io.PrintWriter(err, true));
    command.setErr(new java.io.PrintWriter(err, true));
    command.setExecutionExceptionHandler(
        (failure, cmd, parsed) -> {
          err.println("import failed: " + Neo4jLauncher.describe(failure));
          failure.printStackTrace(err);
          return 1;
        });
    return command.execute(Stream.concat(importerArgs.stream(), Stream.of(DATABASE)).toArray(String[]::new));
  }

  /**
   * The parent keeps stdin open; EOF means it is gone (even killed with SIGKILL), and an import
   * nobody will swap in is not worth finishing: the process halts, and the next load deletes it.
   */
  private static void stopWhenParentGoes() {
    Thread watcher =
        new Thread(
            () -> {
              try {
                while (System.in.read(new byte[256]) != -1) {
                  // nothing is sent; any input is ignored
                }
              } catch (IOException closed) {
                // the same as EOF
              }
              Runtime.getRuntime().halt(5);
            },
            "parent-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  /** The import home of a served home: {@code .data/neo4j} → {@code .data/neo4j-import}. */
  static Path importHome(Path home) {
    return home.resolveSibling(home.getFileName() + "-import");
  }

  /**
   * Brings the served home to a state a start can use, from wherever a bulk load stopped (see the
   * class comment). Called under the served home's lock; leaves an import home alone while
   * another process holds it (an import or its finishing in progress).
   */
  static void settle(Path home) throws IOException {
    Path imports = importHome(home);
    Path data = home.resolve("data");
    if (Files.isDirectory(imports)) {
      try (FileChannel channel =
              FileChannel.open(
                  imports.resolve("liaison.lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.READ,
                  StandardOpenOption.WRITE);
          FileLock lock = channel.tryLock()) {
        if (lock == null) {
          return; // a bulk load is working there
        }
        if (Files.exists(imports.resolve(MARKER))) {
          for (String kind : KINDS) {
            Path imported = imports.resolve("data").resolve(kind).resolve(DATABASE);
            Path served = data.resolve(kind).resolve(DATABASE);
            Path replaced = data.resolve(kind).resolve(REPLACED);
            if (!Files.exists(imported)) {
              continue; // already swapped
            }
            Files.createDirectories(served.getParent());
            if (Files.exists(served)) {
              deleteTree(replaced);
              Files.move(served, replaced, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(imported, served, StandardCopyOption.ATOMIC_MOVE);
          }
          Files.delete(imports.resolve(MARKER));
        }
      } catch (OverlappingFileLockException sameProcess) {
        return;
      }
      deleteTree(imports);
    }
    for (String kind : KINDS) {
      deleteTree(data.resolve(kind).resolve(REPLACED));
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
