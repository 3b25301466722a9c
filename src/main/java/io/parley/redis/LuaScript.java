package io.parley.redis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A Lua script shipped in the jar, with its SHA-1 for {@code EVALSHA}. */
record LuaScript(String name, String source, String sha1) {

  static LuaScript load(String name) {
    String path = "/io/parley/redis/" + name + ".lua";
    try (InputStream in = LuaScript.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing script " + path);
      }
      String src = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(src.getBytes(StandardCharsets.UTF_8));
      return new LuaScript(name, src, HexFormat.of().formatHex(digest));
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot load script " + path, e);
    }
  }
}
