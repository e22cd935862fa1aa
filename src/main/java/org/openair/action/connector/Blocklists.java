package org.openair.action.connector;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.openair.BadRequestException;
import org.openair.action.ActionRecord;
import org.openair.config.OpenAirConfig;
import org.openair.domain.ActionType;
import org.openair.store.BlocklistStore;

/**
 * Sender, domain, URL and file-hash block lists: kept in the store, written to a folder in the
 * formats Postfix (access map) and rspamd (multimap) read, and served as a feed.
 *
 * <p>Files are replaced atomically (written aside, then moved over the old one), so an MTA that
 * reloads at the wrong moment reads the old list or the new one, never half of one.
 */
@ApplicationScoped
public class Blocklists implements Connector {
  private static final Logger LOG = Logger.getLogger(Blocklists.class);
  private static final Pattern ADDRESS =
      Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+");
  private static final Pattern DOMAIN =
      Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9-]{2,63}");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final String REJECT = "REJECT blocked by OpenAIR";

  /** A block list and the action that adds to it. */
  public enum Kind {
    SENDER(ActionType.BLOCK_SENDER),
    DOMAIN(ActionType.BLOCK_DOMAIN),
    URL(ActionType.BLOCK_URL),
    FILE_HASH(ActionType.BLOCK_FILE);

    private final ActionType action;

    Kind(ActionType action) {
      this.action = action;
    }

    public String code() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Kind> fromCode(String code) {
      return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
    }

    static Optional<Kind> of(ActionType type) {
      return Arrays.stream(values()).filter(k -> k.action == type).findFirst();
    }
  }

  /** The formats the feed and the files come in. */
  public enum Format {
    PLAIN,
    POSTFIX,
    RSPAMD;

    public static Optional<Format> fromCode(String code) {
      return Arrays.stream(values())
          .filter(f -> f.name().equalsIgnoreCase(code == null ? "" : code.strip()))
          .findFirst();
    }
  }

  private final OpenAirConfig.Blocklist config;
  private final BlocklistStore store;
  private final Clock clock;

  @Inject
  public Blocklists(OpenAirConfig config, BlocklistStore store, Clock clock) {
    this.config = config.connectors().blocklist();
    this.store = store;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "blocklist";
  }

  @Override
  public Set<ActionType> supports() {
    return config.enabled()
        ? Set.of(
            ActionType.BLOCK_SENDER,
            ActionType.BLOCK_DOMAIN,
            ActionType.BLOCK_URL,
            ActionType.BLOCK_FILE)
        : Set.of();
  }

  @Override
  public ConnectorResult execute(ActionRecord action) {
    return change(action, true);
  }

  /** Unblocking takes the entry off the list again. */
  @Override
  public ConnectorResult undo(ActionRecord action) {
    return change(action, false);
  }

  private ConnectorResult change(ActionRecord action, boolean block) {
    Kind kind = Kind.of(action.type()).orElse(null);
    if (kind == null) {
      return ConnectorResult.failed("blocklist cannot carry out " + action.type().code());
    }
    Optional<String> entry = normalise(kind, action.target());
    if (entry.isEmpty()) {
      return ConnectorResult.failed(
          "'" + action.target() + "' is not a valid " + kind.code() + " to block");
    }
    boolean changed =
        block
            ? store.add(kind.code(), entry.get(), action.id(), clock.instant())
            : store.remove(kind.code(), entry.get(), clock.instant());
    try {
      writeFiles(kind);
    } catch (IOException | UncheckedIOException e) {
      LOG.warnf("writing the %s block list: %s", kind.code(), e.getMessage());
      return ConnectorResult.retry(
          "listed in OpenAIR, but the files in " + config.dir() + " could not be written: " + e);
    }
    String what = kind.code() + " " + entry.get();
    if (!changed) {
      return ConnectorResult.alreadyDone(what + (block ? " was already" : " was not") + " blocked");
    }
    return ConnectorResult.done((block ? "blocked " : "unblocked ") + what);
  }

  /** The canonical form of a list entry, or empty when {@code value} is not one. */
  public static Optional<String> normalise(Kind kind, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.strip();
    return switch (kind) {
      case SENDER -> {
        String a = v.toLowerCase(Locale.ROOT);
        yield ADDRESS.matcher(a).matches() ? Optional.of(a) : Optional.empty();
      }
      case DOMAIN -> {
        String d = v.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        yield DOMAIN.matcher(d).matches() ? Optional.of(d) : Optional.empty();
      }
      case URL ->
          v.matches("(?i)https?://\\S+") && !v.contains("\n") ? Optional.of(v) : Optional.empty();
      case FILE_HASH -> {
        String h = v.toLowerCase(Locale.ROOT);
        yield SHA256.matcher(h).matches() ? Optional.of(h) : Optional.empty();
      }
    };
  }

  /** One list rendered in {@code format}. Postfix access maps exist for senders and domains. */
  public String render(Kind kind, Format format) {
    List<String> entries = store.entries(kind.code());
    StringBuilder out = new StringBuilder();
    switch (format) {
      case PLAIN -> entries.forEach(e -> out.append(e).append('\n'));
      case POSTFIX -> {
        if (kind != Kind.SENDER && kind != Kind.DOMAIN) {
          throw new BadRequestException(
              "format", "Postfix access maps list senders and domains only; use rspamd");
        }
        out.append("# OpenAIR ").append(kind.code()).append(" block list (Postfix access map)\n");
        entries.forEach(e -> out.append(e).append(' ').append(REJECT).append('\n'));
      }
      case RSPAMD -> {
        out.append("# OpenAIR ").append(kind.code()).append(" block list (rspamd multimap)\n");
        entries.forEach(e -> out.append(e).append('\n'));
      }
    }
    return out.toString();
  }

  private void writeFiles(Kind kind) throws IOException {
    Path dir = Path.of(config.dir());
    Files.createDirectories(dir);
    write(dir.resolve("rspamd-" + kind.code() + ".map"), render(kind, Format.RSPAMD));
    if (kind == Kind.SENDER || kind == Kind.DOMAIN) {
      write(
          dir.resolve("postfix-sender-access"),
          render(Kind.SENDER, Format.POSTFIX) + render(Kind.DOMAIN, Format.POSTFIX));
    }
  }

  private static void write(Path file, String content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
