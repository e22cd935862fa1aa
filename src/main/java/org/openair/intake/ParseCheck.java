package org.openair.intake;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openair.domain.AuthResult;
import org.openair.domain.Message;
import org.openair.domain.Organisation;

/**
 * Robustness and speed check of {@link MessageParser} against a folder of real mail: parses every
 * file under the folder on one thread and prints counts. Not a test, because the data sits outside
 * the repository. Usage: {@code ParseCheck <folder> [accepted-domain ...]}.
 */
public final class ParseCheck {
  private ParseCheck() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: ParseCheck <folder> [accepted-domain ...]");
      System.exit(2);
    }
    Path folder = Path.of(args[0]);
    Set<String> domains = Stream.of(args).skip(1).collect(Collectors.toSet());
    Organisation org = new Organisation(domains, Set.of(), Set.of(), Set.of());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).filter(p -> !isLicence(p)).sorted().toList();
    }
    MessageParser parser = new MessageParser();
    // Warm up so that class loading and JIT do not count against throughput.
    for (int i = 0; i < Math.min(200, files.size()); i++) {
      parser.parse("warmup", Files.readAllBytes(files.get(i)), org);
    }
    int failures = 0;
    int withLinks = 0;
    int withAttachments = 0;
    int withAuth = 0;
    int withWarnings = 0;
    int withSender = 0;
    int withDate = 0;
    long links = 0;
    long attachments = 0;
    long bytes = 0;
    long nanos = 0;
    // CPU time of this thread as well as wall time: on a shared machine the wall clock also
    // counts other processes' turns on the core.
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    PrintStream out = System.out;
    for (Path file : files) {
      byte[] raw = Files.readAllBytes(file);
      bytes += raw.length;
      long start = System.nanoTime();
      ParsedMessage parsed;
      try {
        parsed = parser.parse(file.getFileName().toString(), raw, org);
      } catch (RuntimeException | Error e) {
        failures++;
        out.println("FAILED " + file + ": " + e);
        continue;
      } finally {
        nanos += System.nanoTime() - start;
      }
      Message m = parsed.message();
      links += parsed.links().size();
      attachments += parsed.attachments().size();
      withLinks += parsed.links().isEmpty() ? 0 : 1;
      withAttachments += parsed.attachments().isEmpty() ? 0 : 1;
      withWarnings += parsed.warnings().isEmpty() ? 0 : 1;
      withSender += m.getSenderAddress() == null ? 0 : 1;
      withDate += m.getReceivedAt() == null ? 0 : 1;
      boolean auth =
          m.getSpf() != AuthResult.MISSING
              || m.getDkim() != AuthResult.MISSING
              || m.getDmarc() != AuthResult.MISSING
              || m.getCompauth() != AuthResult.MISSING;
      withAuth += auth ? 1 : 0;
    }
    double seconds = nanos / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    out.printf("folder               %s%n", folder);
    out.printf("files                %d (%.1f MB)%n", files.size(), bytes / 1e6);
    out.printf("failures             %d%n", failures);
    out.printf("with sender address  %d%n", withSender);
    out.printf("with receivedAt      %d%n", withDate);
    out.printf("with links           %d (%d links)%n", withLinks, links);
    out.printf("with attachments     %d (%d attachments)%n", withAttachments, attachments);
    out.printf("with auth results    %d%n", withAuth);
    out.printf("with warnings        %d%n", withWarnings);
    out.printf(
        "throughput           %.0f messages/s, %.1f MB/s (one thread, %.2f s wall clock)%n",
        files.size() / seconds, bytes / 1e6 / seconds, seconds);
    out.printf(
        "CPU throughput       %.0f messages/s (%.2f s CPU, reading files included)%n",
        files.size() / cpuSeconds, cpuSeconds);
    if (failures > 0) {
      System.exit(1);
    }
  }

  private static boolean isLicence(Path p) {
    return p.getFileName().toString().startsWith("LICENSE");
  }
}
