package fr.construisons.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The two database kinds the benchmark compares on: H2 in memory, and the local PostgreSQL. */
record BenchDatabase(String kind, String url, String user, String password) {

  static final String PG_SERVER = System.getenv().getOrDefault("CONSTRUISONS_BENCH_PG", "jdbc:postgresql://127.0.0.1:5432/");
  private static final java.util.concurrent.atomic.AtomicInteger H2_DATABASES = new java.util.concurrent.atomic.AtomicInteger();
  static final String PG_USER = System.getenv().getOrDefault("CONSTRUISONS_BENCH_PG_USER", "postgres");

  /** A new, empty database of that kind (PostgreSQL: dropped and created again). */
  static BenchDatabase fresh(String kind, String name) {
    return switch (kind) {
      // An in-memory H2 database lives as long as the JVM: a new name each time, so a second
      // measurement in the same run never finds the first one's rows (or its history level).
      case "h2" -> new BenchDatabase(kind, "jdbc:h2:mem:" + name + "_" + H2_DATABASES.incrementAndGet()
          + ";DB_CLOSE_DELAY=-1", "sa", "");
      case "postgres" -> {
        try (Connection admin = DriverManager.getConnection(PG_SERVER + "postgres", PG_USER, "");
             Statement sql = admin.createStatement()) {
          sql.execute("drop database if exists " + name + " with (force)");
          sql.execute("create database " + name);
        } catch (SQLException e) {
          throw new IllegalStateException("PostgreSQL at " + PG_SERVER + " as " + PG_USER + ": " + e.getMessage(), e);
        }
        yield new BenchDatabase(kind, PG_SERVER + name, PG_USER, "");
      }
      default -> throw new IllegalArgumentException("Unknown database kind " + kind + " (h2 or postgres)");
    };
  }
}
