package org.openair.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny in-process SMTP sink written with plain sockets, for tests of OpenAIR's mail client: it
 * accepts every message and keeps it. It is not an MTA; sending through a real Postfix is tested by
 * the mail-system end-to-end test.
 */
public final class SmtpSink implements AutoCloseable {

  /** One message as received: envelope and raw content. */
  public record Received(String from, List<String> to, String data) {}

  private final ServerSocket server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  public SmtpSink() {
    try {
      server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    acceptor = new Thread(this::accept, "smtp-sink");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  private void accept() {
    while (!server.isClosed()) {
      try (Socket s = server.accept()) {
        converse(s);
      } catch (IOException e) {
        if (server.isClosed()) {
          return;
        }
      }
    }
  }

  private void converse(Socket s) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    OutputStream out = s.getOutputStream();
    reply(out, "220 sink ESMTP");
    String from = null;
    List<String> to = new ArrayList<>();
    String line;
    while ((line = in.readLine()) != null) {
      String upper = line.toUpperCase(java.util.Locale.ROOT);
      if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
        reply(out, "250 sink");
      } else if (upper.startsWith("MAIL FROM:")) {
        from = line.substring(10).trim();
        to = new ArrayList<>();
        reply(out, "250 OK");
      } else if (upper.startsWith("RCPT TO:")) {
        to.add(line.substring(8).trim());
        reply(out, "250 OK");
      } else if (upper.equals("DATA")) {
        reply(out, "354 go ahead");
        StringBuilder data = new StringBuilder();
        String d;
        while ((d = in.readLine()) != null && !d.equals(".")) {
          data.append(d.startsWith("..") ? d.substring(1) : d).append("\r\n");
        }
        received.add(new Received(from, List.copyOf(to), data.toString()));
        reply(out, "250 queued");
      } else if (upper.equals("QUIT")) {
        reply(out, "221 bye");
        return;
      } else {
        reply(out, "250 OK");
      }
    }
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
