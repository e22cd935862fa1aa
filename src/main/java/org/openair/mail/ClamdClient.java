package org.openair.mail;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Scans bytes with clamd's INSTREAM command over TCP, one connection per scan. */
public final class ClamdClient {
  private static final int CHUNK = 64 * 1024;

  /** clamd's answer: clean, or the name of the signature that matched, or an error. */
  public record Result(boolean infected, String signature, String error) {
    public boolean clean() {
      return !infected && error == null;
    }
  }

  private final String host;
  private final int port;
  private final Duration timeout;

  public ClamdClient(String host, int port, Duration timeout) {
    this.host = host;
    this.port = port;
    this.timeout = timeout;
  }

  public String describe() {
    return "clamd " + host + ":" + port;
  }

  public Result scan(byte[] data) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
      for (int offset = 0; offset < data.length; offset += CHUNK) {
        int n = Math.min(CHUNK, data.length - offset);
        out.writeInt(n);
        out.write(data, offset, n);
      }
      out.writeInt(0);
      out.flush();
      return parse(readReply(socket.getInputStream()));
    }
  }

  /** Reads the NUL-terminated reply. */
  private static String readReply(InputStream in) throws IOException {
    ByteArrayOutputStream reply = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) > 0) {
      reply.write(c);
      if (reply.size() > 4096) {
        break;
      }
    }
    return reply.toString(StandardCharsets.UTF_8).strip();
  }

  static Result parse(String reply) {
    String body = reply.startsWith("stream:") ? reply.substring(7).strip() : reply;
    if (body.endsWith(" FOUND")) {
      return new Result(true, body.substring(0, body.length() - 6).strip(), null);
    }
    if (body.equals("OK")) {
      return new Result(false, null, null);
    }
    return new Result(false, null, body.isEmpty() ? "no answer" : body);
  }
}
