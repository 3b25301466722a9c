package io.parley.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A WebSocket client on a plain TCP socket, for frames no well-behaved client library will send
 * (invalid UTF-8, oversized frames). Blocking; test threads only.
 */
public final class RawWebSocket implements AutoCloseable {

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;

  private RawWebSocket(Socket socket) throws IOException {
    this.socket = socket;
    this.socket.setSoTimeout(10_000);
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  public static RawWebSocket connect(int port) throws IOException {
    RawWebSocket ws = new RawWebSocket(new Socket("127.0.0.1", port));
    byte[] nonce = new byte[16];
    new SecureRandom().nextBytes(nonce);
    String req = "GET /ws/chat HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce)
        + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
    ws.out.write(req.getBytes(StandardCharsets.US_ASCII));
    ws.out.flush();
    String status = ws.readHttpHead();
    if (!status.startsWith("HTTP/1.1 101")) {
      throw new IOException("handshake refused: " + status);
    }
    return ws;
  }

  private String readHttpHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed during handshake");
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII).split("\r\n")[0];
  }

  /** Sends one final masked frame with {@code opcode} (1 text, 2 binary) and the raw payload. */
  public void sendFrame(int opcode, byte[] payload) throws IOException {
    sendFrame(opcode, payload, true);
  }

  /** Sends one masked frame; {@code opcode} 0 continues a fragmented message. */
  public void sendFrame(int opcode, byte[] payload, boolean fin) throws IOException {
    ByteArrayOutputStream f = new ByteArrayOutputStream();
    f.write((fin ? 0x80 : 0) | opcode);
    int len = payload.length;
    if (len < 126) {
      f.write(0x80 | len);
    } else if (len < 65536) {
      f.write(0x80 | 126);
      f.write(len >> 8);
      f.write(len);
    } else {
      f.write(0x80 | 127);
      for (int i = 7; i >= 0; i--) {
        f.write((int) ((long) len >> (8 * i)));
      }
    }
    byte[] mask = new byte[4];
    new SecureRandom().nextBytes(mask);
    f.write(mask);
    for (int i = 0; i < len; i++) {
      f.write(payload[i] ^ mask[i % 4]);
    }
    out.write(f.toByteArray());
    out.flush();
  }

  public void sendText(String text) throws IOException {
    sendFrame(1, text.getBytes(StandardCharsets.UTF_8));
  }

  /** A frame from the server: opcode and payload. */
  public record Frame(int opcode, byte[] payload) {
    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    /** The status code of a close frame. */
    public int closeCode() {
      return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
    }
  }

  public Frame readFrame() throws IOException {
    int b0 = in.readUnsignedByte();
    int b1 = in.readUnsignedByte();
    long len = b1 & 0x7f;
    if (len == 126) {
      len = in.readUnsignedShort();
    } else if (len == 127) {
      len = in.readLong();
    }
    byte[] payload = new byte[(int) len];
    in.readFully(payload);
    return new Frame(b0 & 0x0f, payload);
  }

  /** Reads frames until a close frame and returns its code (-1 when the connection just ends). */
  public int awaitClose() throws IOException {
    try {
      while (true) {
        Frame f = readFrame();
        if (f.opcode() == 8) {
          return f.closeCode();
        }
      }
    } catch (java.io.EOFException e) {
      return -1;
    }
  }

  public InputStream input() {
    return in;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
