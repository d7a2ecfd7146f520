package io.tfjlab.training.testsupport;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import org.tensorflow.proto.BundleEntryProto;
import org.tensorflow.proto.BundleHeaderProto;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.TensorShapeProto;

/**
 * Reads every tensor of a TensorFlow checkpoint (a tensor bundle: {@code <prefix>.index}, a
 * LevelDB-format table of {@link BundleEntryProto}s, and {@code <prefix>.data-NNNNN-of-NNNNN}) from
 * its files alone, without a graph: a test can fingerprint a run's checkpoint however the code that
 * wrote it builds its graph. Checks the table's magic number, that blocks are uncompressed, and
 * each tensor's (masked) CRC-32C.
 */
public final class CheckpointTensors {
  private static final long TABLE_MAGIC = 0xdb4775248b80fb57L;
  private static final int FOOTER = 48;

  /**
   * One saved tensor: its name (the variable's op name), type, shape and raw little-endian bytes.
   */
  public record Entry(String name, DataType dtype, long[] shape, byte[] bytes) {
    /** The values of a float tensor. */
    public float[] floats() {
      if (dtype != DataType.DT_FLOAT) {
        throw new IllegalStateException(name + " is " + dtype + ", not DT_FLOAT");
      }
      float[] out = new float[bytes.length / 4];
      ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
      return out;
    }
  }

  private CheckpointTensors() {}

  /**
   * Every tensor of the checkpoint with this prefix (e.g. {@code checkpoints/last/model}), by name.
   */
  public static SortedMap<String, Entry> read(Path prefix) {
    Path index = prefix.resolveSibling(prefix.getFileName() + ".index");
    try {
      byte[] table = Files.readAllBytes(index);
      SortedMap<String, byte[]> raw = readTable(table, index);
      byte[] headerBytes = raw.remove("");
      if (headerBytes == null) {
        throw new IllegalStateException(index + " has no bundle header");
      }
      BundleHeaderProto header = BundleHeaderProto.parseFrom(headerBytes);
      if (header.getEndianness() != BundleHeaderProto.Endianness.LITTLE) {
        throw new IllegalStateException(index + " is not little-endian");
      }
      byte[][] shards = new byte[header.getNumShards()][];
      SortedMap<String, Entry> out = new TreeMap<>();
      for (var e : raw.entrySet()) {
        BundleEntryProto entry = BundleEntryProto.parseFrom(e.getValue());
        if (entry.getSlicesCount() > 0) {
          throw new IllegalStateException(
              e.getKey() + " is a sliced (partitioned) tensor; not supported");
        }
        int shard = entry.getShardId();
        if (shards[shard] == null) {
          shards[shard] =
              Files.readAllBytes(
                  prefix.resolveSibling(
                      String.format(
                          "%s.data-%05d-of-%05d",
                          prefix.getFileName(), shard, header.getNumShards())));
        }
        byte[] bytes =
            Arrays.copyOfRange(
                shards[shard],
                (int) entry.getOffset(),
                (int) (entry.getOffset() + entry.getSize()));
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        if (masked((int) crc.getValue()) != entry.getCrc32C()) {
          throw new IllegalStateException(e.getKey() + ": CRC-32C mismatch in " + prefix);
        }
        long[] shape =
            entry.getShape().getDimList().stream()
                .mapToLong(TensorShapeProto.Dim::getSize)
                .toArray();
        out.put(e.getKey(), new Entry(e.getKey(), entry.getDtype(), shape, bytes));
      }
      return Collections.unmodifiableSortedMap(out);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(index + ": not a tensor bundle index: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read checkpoint " + prefix + ": " + e.getMessage(), e);
    }
  }

  /**
   * TensorFlow's masked CRC-32C (rotated right by 15 bits plus a constant), as bundles store it.
   */
  private static int masked(int crc) {
    return ((crc >>> 15) | (crc << 17)) + 0xa282ead8;
  }

  /** All key/value pairs of a LevelDB table (footer → index block → data blocks). */
  private static SortedMap<String, byte[]> readTable(byte[] table, Path file) {
    ByteBuffer footer =
        ByteBuffer.wrap(table, table.length - FOOTER, FOOTER).order(ByteOrder.LITTLE_ENDIAN);
    if (ByteBuffer.wrap(table, table.length - 8, 8).order(ByteOrder.LITTLE_ENDIAN).getLong()
        != TABLE_MAGIC) {
      throw new IllegalStateException(file + " is not a LevelDB table (bad magic number)");
    }
    varint(footer); // metaindex handle: unused
    varint(footer);
    long indexOffset = varint(footer);
    long indexSize = varint(footer);
    SortedMap<String, byte[]> out = new TreeMap<>();
    for (byte[] handle : block(table, indexOffset, indexSize, file).values()) {
      ByteBuffer h = ByteBuffer.wrap(handle);
      long offset = varint(h);
      long size = varint(h);
      out.putAll(block(table, offset, size, file));
    }
    return out;
  }

  /** The entries of one block: prefix-compressed keys, then the restart array and its length. */
  private static SortedMap<String, byte[]> block(byte[] table, long offset, long size, Path file) {
    if (table[(int) (offset + size)] != 0) {
      throw new IllegalStateException(file + ": compressed table blocks are not supported");
    }
    ByteBuffer b =
        ByteBuffer.wrap(table, (int) offset, (int) size).slice().order(ByteOrder.LITTLE_ENDIAN);
    int restarts = b.getInt((int) size - 4);
    int end = (int) size - 4 * (restarts + 1);
    SortedMap<String, byte[]> out = new TreeMap<>();
    byte[] key = new byte[0];
    while (b.position() < end) {
      int shared = (int) varint(b);
      int nonShared = (int) varint(b);
      int valueLength = (int) varint(b);
      byte[] k = Arrays.copyOf(key, shared + nonShared);
      b.get(k, shared, nonShared);
      byte[] v = new byte[valueLength];
      b.get(v);
      out.put(new String(k, StandardCharsets.UTF_8), v);
      key = k;
    }
    return out;
  }

  private static long varint(ByteBuffer b) {
    long v = 0;
    for (int shift = 0; ; shift += 7) {
      byte x = b.get();
      v |= (long) (x & 0x7f) << shift;
      if (x >= 0) {
        return v;
      }
    }
  }
}
