package io.tfjlab.cluster;

import java.io.File;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;

/**
 * The Hadoop configuration of a store on a Hadoop file system, as {@code spark-submit} would give
 * it: the {@code core-site.xml} and {@code hdfs-site.xml} of {@code $HADOOP_CONF_DIR} (and {@code
 * $YARN_CONF_DIR}), then every {@code spark.hadoop.KEY} setting (of {@code --conf}, or a {@code
 * -Dspark.hadoop.KEY} property) as {@code KEY}. The driver collects these settings once ({@link
 * #settings}); the tasks get the same map and build the same configuration ({@link #of}) over their
 * machine's Hadoop defaults.
 */
final class HadoopConf {
  private static final String PREFIX = "spark.hadoop.";

  private HadoopConf() {}

  /** The settings the store's configuration adds to Hadoop's defaults. */
  static Map<String, String> settings(Map<String, String> sparkConf) {
    Map<String, String> out = new TreeMap<>();
    for (String env : new String[] {"HADOOP_CONF_DIR", "YARN_CONF_DIR"}) {
      String dir = System.getenv(env);
      if (dir == null || dir.isBlank()) {
        continue;
      }
      Configuration site = new Configuration(false);
      for (String name : new String[] {"core-site.xml", "hdfs-site.xml"}) {
        File f = new File(dir, name);
        if (f.isFile()) {
          site.addResource(new org.apache.hadoop.fs.Path(f.toURI()));
        }
      }
      site.forEach(e -> out.put(e.getKey(), e.getValue()));
    }
    System.getProperties()
        .stringPropertyNames()
        .forEach(
            k -> {
              if (k.startsWith(PREFIX)) {
                out.put(k.substring(PREFIX.length()), System.getProperty(k));
              }
            });
    sparkConf.forEach(
        (k, v) -> {
          if (k.startsWith(PREFIX)) {
            out.put(k.substring(PREFIX.length()), v);
          }
        });
    return out;
  }

  /** Hadoop's defaults (and a {@code core-site.xml} on the classpath) with the settings. */
  static Configuration of(Map<String, String> settings) {
    Configuration conf = new Configuration();
    settings.forEach(conf::set);
    return conf;
  }
}
