package org.openair.intel;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Reads a feed document from an HTTP(S) URL, a {@code file:} URL or a path. HTTP requests are
 * conditional ({@code If-None-Match}, {@code If-Modified-Since}); files compare their modification
 * time. Documents larger than the limit are refused rather than read into memory.
 */
public class FeedFetcher {
  private final HttpClient http;
  private final Duration timeout;
  private final long maxBytes;

  public FeedFetcher(Duration timeout, long maxBytes) {
    this.timeout = timeout;
    this.maxBytes = maxBytes;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** A document, or word that it has not changed since the validators given. */
  public record Fetched(boolean notModified, byte[] content, String etag, String lastModified) {}

  public Fetched fetch(String location, String etag, String lastModified) throws FeedException {
    String lower = location.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      return http(location, etag, lastModified);
    }
    Path path = lower.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
    return file(path, lastModified);
  }

  /** The location of {@code name} next to {@code location} (MISP feed events beside manifest). */
  public static String sibling(String location, String name) {
    String lower = location.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("file:")) {
      String base = location.endsWith("/") ? location : location + "/";
      if (location.endsWith(".json")) {
        base = location.substring(0, location.lastIndexOf('/') + 1);
      }
      return base + name;
    }
    Path p = Path.of(location);
    Path dir = Files.isDirectory(p) ? p : p.toAbsolutePath().getParent();
    return dir.resolve(name).toString();
  }

  private Fetched file(Path path, String lastModified) throws FeedException {
    try {
      if (Files.isDirectory(path)) {
        path = path.resolve("manifest.json");
      }
      String modified = Files.getLastModifiedTime(path).toInstant().toString();
      if (modified.equals(lastModified)) {
        return new Fetched(true, null, null, modified);
      }
      if (Files.size(path) > maxBytes) {
        throw new FeedException(
            path + " is larger than the limit of " + maxBytes + " bytes (openair.intel.max-bytes)");
      }
      return new Fetched(false, Files.readAllBytes(path), null, modified);
    } catch (NoSuchFileException e) {
      throw new FeedException("no such file: " + path);
    } catch (IOException e) {
      throw new FeedException("could not read " + path + ": " + e.getMessage(), e);
    }
  }

  private Fetched http(String location, String etag, String lastModified) throws FeedException {
    HttpRequest.Builder request;
    try {
      request = HttpRequest.newBuilder(URI.create(location)).timeout(timeout).GET();
    } catch (IllegalArgumentException e) {
      throw new FeedException("not a valid URL: " + location);
    }
    if (etag != null) {
      request.header("If-None-Match", etag);
    }
    if (lastModified != null) {
      request.header("If-Modified-Since", lastModified);
    }
    try {
      HttpResponse<InputStream> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() == 304) {
          return new Fetched(true, null, etag, lastModified);
        }
        if (response.statusCode() / 100 != 2) {
          throw new FeedException(location + " answered HTTP " + response.statusCode());
        }
        byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (content.length > maxBytes) {
          throw new FeedException(location + " is larger than the limit of " + maxBytes + " bytes");
        }
        return new Fetched(
            false,
            content,
            response.headers().firstValue("ETag").orElse(null),
            response.headers().firstValue("Last-Modified").orElse(null));
      }
    } catch (IOException e) {
      throw new FeedException(
          "could not reach "
              + location
              + ": "
              + e.getClass().getSimpleName()
              + " "
              + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FeedException("interrupted while reading " + location, e);
    }
  }
}
