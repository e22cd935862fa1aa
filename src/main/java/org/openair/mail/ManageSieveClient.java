package org.openair.mail;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A ManageSieve (RFC 5804) client: enough to list, read, upload, activate and delete a user's
 * scripts. Every read is bounded by the socket timeout, so a silent server ends in an exception,
 * never a hang.
 */
public final class ManageSieveClient implements AutoCloseable {
  /** One script on the server and whether it is the active one. */
  public record Script(String name, boolean active) {}

  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private final String host;

  private ManageSieveClient(Socket socket, String host) throws IOException {
    this.host = host;
    use(socket);
  }

  /**
   * Connects and authenticates with SASL PLAIN: {@code authcid} (e.g. {@code alice*master}) with
   * {@code password}, acting as {@code authzid} when that is not empty.
   */
  public static ManageSieveClient connect(
      String host,
      int port,
      boolean starttls,
      Duration timeout,
      String authzid,
      String authcid,
      String password)
      throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      ManageSieveClient client = new ManageSieveClient(socket, host);
      client.expectOk("greeting");
      if (starttls) {
        client.command("STARTTLS");
        client.expectOk("STARTTLS");
        SSLSocket tls =
            (SSLSocket)
                ((SSLSocketFactory) SSLSocketFactory.getDefault())
                    .createSocket(socket, host, port, true);
        var params = tls.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(params);
        tls.startHandshake();
        client.use(tls);
        client.expectOk("capabilities after STARTTLS");
      }
      String plain = (authzid == null ? "" : authzid) + "\0" + authcid + "\0" + password;
      client.command(
          "AUTHENTICATE \"PLAIN\" \""
              + Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8))
              + "\"");
      Response auth = client.response();
      if (!auth.ok()) {
        socket.close();
        throw new MailFailure.LoginRefused(auth.status());
      }
      return client;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  private void use(Socket s) throws IOException {
    this.socket = s;
    this.in = new BufferedInputStream(s.getInputStream());
    this.out = s.getOutputStream();
  }

  public List<Script> listScripts() throws IOException {
    command("LISTSCRIPTS");
    Response r = expectOk("LISTSCRIPTS");
    List<Script> scripts = new ArrayList<>();
    for (List<String> line : r.lines()) {
      if (!line.isEmpty()) {
        scripts.add(
            new Script(line.get(0), line.size() > 1 && line.get(1).equalsIgnoreCase("ACTIVE")));
      }
    }
    return scripts;
  }

  public String getScript(String name) throws IOException {
    command("GETSCRIPT " + quote(name));
    Response r = expectOk("GETSCRIPT " + name);
    return r.lines().isEmpty() || r.lines().get(0).isEmpty() ? "" : r.lines().get(0).get(0);
  }

  public void putScript(String name, String content) throws IOException {
    byte[] body = content.getBytes(StandardCharsets.UTF_8);
    out.write(
        ("PUTSCRIPT " + quote(name) + " {" + body.length + "+}\r\n")
            .getBytes(StandardCharsets.UTF_8));
    out.write(body);
    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    expectOk("PUTSCRIPT " + name);
  }

  /** Makes {@code name} the active script; an empty name deactivates every script. */
  public void setActive(String name) throws IOException {
    command("SETACTIVE " + quote(name));
    expectOk("SETACTIVE " + name);
  }

  public void deleteScript(String name) throws IOException {
    command("DELETESCRIPT " + quote(name));
    expectOk("DELETESCRIPT " + name);
  }

  @Override
  public void close() throws IOException {
    try {
      command("LOGOUT");
      response();
    } catch (IOException e) {
      // The server may close first; the socket is closed either way.
    } finally {
      socket.close();
    }
  }

  private void command(String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private Response expectOk(String what) throws IOException {
    Response r = response();
    if (!r.ok()) {
      throw new SieveException(what + " failed on " + host + ": " + r.status());
    }
    return r;
  }

  /** Reads lines of strings and atoms until an OK, NO or BYE line. */
  private Response response() throws IOException {
    List<List<String>> lines = new ArrayList<>();
    while (true) {
      List<String> tokens = readLine();
      if (!tokens.isEmpty()) {
        String first = tokens.get(0).toUpperCase(Locale.ROOT);
        if (first.equals("OK") || first.equals("NO") || first.equals("BYE")) {
          return new Response(first.equals("OK"), String.join(" ", tokens), lines);
        }
      }
      lines.add(tokens);
    }
  }

  /** One response line as tokens: atoms, quoted strings and {n} literals. */
  private List<String> readLine() throws IOException {
    List<String> tokens = new ArrayList<>();
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("ManageSieve server " + host + " closed the connection");
      }
      if (c == '\n') {
        return tokens;
      }
      if (c == ' ' || c == '\r') {
        continue;
      }
      if (c == '"') {
        tokens.add(readQuoted());
      } else if (c == '{') {
        tokens.add(readLiteral());
      } else if (c == '(') {
        tokens.add(readUntil(')', c));
      } else {
        tokens.add(readAtom(c));
      }
    }
  }

  private String readQuoted() throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("ManageSieve server " + host + " closed the connection");
      }
      if (c == '\\') {
        c = in.read();
      } else if (c == '"') {
        return buf.toString(StandardCharsets.UTF_8);
      }
      buf.write(c);
    }
  }

  private String readLiteral() throws IOException {
    StringBuilder digits = new StringBuilder();
    int c;
    while ((c = in.read()) != '}') {
      if (c < 0) {
        throw new IOException("ManageSieve server " + host + " closed the connection");
      }
      if (c != '+') {
        digits.append((char) c);
      }
    }
    in.read();
    in.read();
    int length = Integer.parseInt(digits.toString().strip());
    byte[] data = in.readNBytes(length);
    if (data.length < length) {
      throw new IOException("ManageSieve server " + host + " closed the connection");
    }
    return new String(data, StandardCharsets.UTF_8);
  }

  private String readUntil(char end, int first) throws IOException {
    StringBuilder b = new StringBuilder().append((char) first);
    int c;
    while ((c = in.read()) >= 0) {
      b.append((char) c);
      if (c == end) {
        return b.toString();
      }
    }
    throw new IOException("ManageSieve server " + host + " closed the connection");
  }

  private String readAtom(int first) throws IOException {
    StringBuilder b = new StringBuilder().append((char) first);
    in.mark(1);
    int c;
    while ((c = in.read()) >= 0 && c != ' ' && c != '\r' && c != '\n') {
      b.append((char) c);
      in.mark(1);
    }
    in.reset();
    return b.toString();
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private record Response(boolean ok, String status, List<List<String>> lines) {}

  /** The server answered NO to a command. */
  public static class SieveException extends IOException {
    public SieveException(String message) {
      super(message);
    }
  }
}
