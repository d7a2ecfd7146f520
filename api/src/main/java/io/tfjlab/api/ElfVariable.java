package io.tfjlab.api;

import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a 4-byte variable of a loaded 64-bit little-endian ELF shared library that exports no
 * setter for it, found by name in the library's own symbol table ({@code .symtab}). Used only by
 * {@link NativeLogging}, and only after every check passes: the symbol is an object of 4 bytes in
 * {@code .bss}, the library's first segment starts at address 0, the address falls inside a
 * writable mapping of that file in {@code /proc/self/maps}, and the variable holds its expected
 * default. Anything else leaves memory untouched and says why.
 */
final class ElfVariable {
  private ElfVariable() {}

  /**
   * Sets {@code symbol} of the library at {@code file} to {@code value} if it holds {@code
   * expected}; returns what was done, as a phrase.
   */
  static String setIfDefault(Path file, String symbol, int expected, int value) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer h = ch.map(FileChannel.MapMode.READ_ONLY, 0, 64).order(ByteOrder.LITTLE_ENDIAN);
      if (h.getInt(0) != 0x464c457f || h.get(4) != 2 || h.get(5) != 1) {
        return "not a 64-bit little-endian ELF file";
      }
      long shoff = h.getLong(0x28);
      int shentsize = h.getShort(0x3a) & 0xffff;
      int shnum = h.getShort(0x3c) & 0xffff;
      int shstrndx = h.getShort(0x3e) & 0xffff;
      ByteBuffer sh =
          ch.map(FileChannel.MapMode.READ_ONLY, shoff, (long) shentsize * shnum)
              .order(ByteOrder.LITTLE_ENDIAN);
      long namesOff = sh.getLong(shstrndx * shentsize + 0x18);
      long namesSize = sh.getLong(shstrndx * shentsize + 0x20);
      ByteBuffer names =
          ch.map(FileChannel.MapMode.READ_ONLY, namesOff, namesSize).order(ByteOrder.LITTLE_ENDIAN);
      int symtab = -1;
      int bss = -1;
      for (int i = 0; i < shnum; i++) {
        String n = cString(names, sh.getInt(i * shentsize));
        if (n.equals(".symtab")) {
          symtab = i;
        } else if (n.equals(".bss")) {
          bss = i;
        }
      }
      if (symtab < 0 || bss < 0) {
        return "no .symtab or .bss section";
      }
      int strtab = sh.getInt(symtab * shentsize + 0x28);
      MappedByteBuffer syms =
          map(ch, sh.getLong(symtab * shentsize + 0x18), sh.getLong(symtab * shentsize + 0x20));
      MappedByteBuffer strs =
          map(ch, sh.getLong(strtab * shentsize + 0x18), sh.getLong(strtab * shentsize + 0x20));
      byte[] want = symbol.getBytes(StandardCharsets.US_ASCII);
      long count = sh.getLong(symtab * shentsize + 0x20) / 24;
      for (int i = 0; i < count; i++) {
        int at = i * 24;
        if (!nameIs(strs, syms.getInt(at), want)) {
          continue;
        }
        int type = syms.get(at + 4) & 0xf;
        int shndx = syms.getShort(at + 6) & 0xffff;
        long addr = syms.getLong(at + 8);
        long size = syms.getLong(at + 16);
        if (type != 1 || shndx != bss || size != 4) {
          return "symbol found but not a 4-byte object in .bss";
        }
        return write(file, addr, expected, value);
      }
      return "symbol " + symbol + " not found";
    } catch (IOException | RuntimeException e) {
      return "not read (" + e + ")";
    }
  }

  private static String write(Path file, long offset, int expected, int value) throws IOException {
    long base = -1;
    String real = file.toRealPath().toString();
    java.util.List<String> maps = Files.readAllLines(Path.of("/proc/self/maps"));
    for (String line : maps) {
      String[] f = line.trim().split("\\s+", 6);
      if (f.length == 6
          && (f[5].equals(real) || f[5].equals(file.toString()))
          && Long.parseUnsignedLong(f[2], 16) == 0) {
        long start = Long.parseUnsignedLong(f[0].split("-")[0], 16);
        base = base < 0 ? start : Math.min(base, start);
      }
    }
    if (base < 0) {
      return "the library is not mapped";
    }
    // .bss past the file's end is mapped anonymously, right after the library's own mappings
    boolean writable = false;
    for (String line : maps) {
      String[] f = line.trim().split("\\s+", 6);
      String[] range = f[0].split("-");
      long start = Long.parseUnsignedLong(range[0], 16);
      long end = Long.parseUnsignedLong(range[1], 16);
      if (start <= base + offset && base + offset + 4 <= end) {
        boolean ours = f.length < 6 || f[5].equals(real) || f[5].equals(file.toString());
        writable = ours && f[1].startsWith("rw");
        break;
      }
    }
    if (!writable) {
      return "no writable mapping of the library holds the variable";
    }
    Pointer p = new Pointer(base + offset);
    int now = p.getInt(0);
    if (now != expected) {
      return "left at " + now;
    }
    p.setInt(0, value);
    return "min_log_level " + expected + " -> " + value;
  }

  private static MappedByteBuffer map(FileChannel ch, long off, long size) throws IOException {
    MappedByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, off, size);
    b.order(ByteOrder.LITTLE_ENDIAN);
    return b;
  }

  private static boolean nameIs(ByteBuffer strs, int off, byte[] want) {
    if (off < 0 || off + want.length >= strs.limit()) {
      return false;
    }
    for (int k = 0; k < want.length; k++) {
      if (strs.get(off + k) != want[k]) {
        return false;
      }
    }
    return strs.get(off + want.length) == 0;
  }

  private static String cString(ByteBuffer b, int off) {
    StringBuilder sb = new StringBuilder();
    for (int i = off; i < b.limit() && b.get(i) != 0; i++) {
      sb.append((char) b.get(i));
    }
    return sb.toString();
  }
}
