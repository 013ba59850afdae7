import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Runs a SQL file (statements separated by lines holding only ";") in one transaction against the
 * local stack's database (a VACUUM, which cannot run inside one, commits what came before it),
 * replacing {@code ${name}} with name=value arguments; a statement that returns rows prints them,
 * one value per line, so scripts can read them.
 * Usage: java -cp postgresql.jar RunSql.java JDBC_URL USER FILE [name=value...]
 */
public class RunSql {

  public static void main(String[] args) throws Exception {
    String sql = Files.readString(Path.of(args[2]));
    for (int i = 3; i < args.length; i++) {
      String[] pair = args[i].split("=", 2);
      sql = sql.replace("${" + pair[0] + "}", pair[1]);
    }
    try (Connection db = DriverManager.getConnection(args[0], args[1], "");
        Statement statement = db.createStatement()) {
      db.setAutoCommit(false);
      for (String part : sql.split("(?m)^;\\s*$")) {
        if (part.isBlank()) {
          continue;
        }
        if (part.matches("(?s)(\\s*--[^\\n]*)*\\s*VACUUM\\b.*")) {
          db.commit();
          db.setAutoCommit(true);
          statement.execute(part);
          db.setAutoCommit(false);
        } else if (statement.execute(part)) {
          try (ResultSet rows = statement.getResultSet()) {
            while (rows.next()) {
              System.out.println(rows.getString(1));
            }
          }
        }
      }
      db.commit();
    }
  }
}
