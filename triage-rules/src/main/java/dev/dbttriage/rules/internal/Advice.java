package dev.dbttriage.rules.internal;

import dev.dbttriage.artifact.Node;
import dev.dbttriage.classify.MessageObjects;
import dev.dbttriage.classify.RuleContext;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders advice templates, including the GRANT a service account lacks in its warehouse's syntax. */
final class Advice {
  private static final Pattern NODE_HEADER = Pattern.compile(
      "\\b(?:Error|Failure|Warning) in (?:model|test|snapshot|seed|source|unit_test|analysis) ([^\\s(]+)");

  private Advice() {}

  static String render(String template, MessageObjects o, String kind, String dialect, RuleContext ctx) {
    if (template.isEmpty()) {
      return "";
    }
    String s = template;
    if (s.contains("{grant}")) {
      s = s.replace("{grant}", grant(dialect, o, kind));
    }
    s = s.replace("{relation}", o.relation().orElse("<relation>"))
        .replace("{column}", o.column().orElse("<column>"))
        .replace("{role}", o.role().orElse("<role>"))
        .replace("{privilege}", o.privilege().orElse("<privilege>"))
        .replace("{code}", o.errorCode().orElse("<code>"))
        .replace("{reference}", o.reference().orElse("<name>"))
        .replace("{model}", model(ctx));
    return s;
  }

  static String model(RuleContext ctx) {
    if (ctx.node().isPresent()) {
      return ctx.node().map(Node::name).orElse("<model>");
    }
    Matcher m = NODE_HEADER.matcher(ctx.text());
    if (m.find()) {
      return m.group(1);
    }
    return ctx.result().map(r -> {
      String[] parts = r.uniqueId().split("\\.");
      return parts.length >= 3 ? parts[2] : r.uniqueId();
    }).orElse("<model>");
  }

  /** The statement that grants what the message says is missing, in the dialect's syntax. */
  static String grant(String dialect, MessageObjects o, String kindHint) {
    String rel = o.relation().orElse("<relation>");
    String priv = o.privilege().map(p -> p.toUpperCase(Locale.ROOT)).orElse("SELECT");
    String d = dialect == null ? "" : dialect.toLowerCase(Locale.ROOT);
    switch (d) {
      case "snowflake": {
        String role = o.role().orElse("<dbt_role>");
        String kind = objectKind(kindHint, "TABLE");
        if (kind.equals("DATABASE") || kind.equals("SCHEMA")) {
          return "GRANT USAGE ON " + kind + " " + rel + " TO ROLE " + role + "; GRANT CREATE SCHEMA ON DATABASE "
              + "<database> TO ROLE " + role + " (or CREATE TABLE / CREATE VIEW ON SCHEMA); check with "
              + "SHOW GRANTS TO ROLE " + role;
        }
        return "GRANT " + priv + " ON " + kind + " " + rel + " TO ROLE " + role
            + " (and USAGE on its database and schema); check with SHOW GRANTS TO ROLE " + role;
      }
      case "databricks":
      case "spark": {
        String kind = objectKind(kindHint, "TABLE");
        return "GRANT " + priv + " ON " + kind + " " + rel + " TO `<dbt-service-principal>` (Unity Catalog; "
            + "the principal also needs USE CATALOG and USE SCHEMA on the parents); check with SHOW GRANTS ON "
            + kind + " " + rel;
      }
      case "bigquery":
        return "grant the dbt service account " + bigQueryRole(o.privilege().orElse(""))
            + " on the dataset or project that holds " + rel + " (IAM), e.g. gcloud projects "
            + "add-iam-policy-binding <project> --member=serviceAccount:<dbt-sa> --role="
            + bigQueryRole(o.privilege().orElse(""));
      case "sqlserver":
      case "fabric":
      case "synapse":
        return "GRANT " + priv + " ON OBJECT::" + rel + " TO <dbt_user>; for DDL, GRANT CREATE TABLE, "
            + "CREATE VIEW TO <dbt_user> and GRANT ALTER ON SCHEMA::<schema> TO <dbt_user>";
      case "trino":
      case "starburst":
        return "GRANT " + priv + " ON " + rel + " TO ROLE <dbt_role> (or add a rule to the connector's access "
            + "control file)";
      default: {
        String kind = objectKind(kindHint, "TABLE");
        String user = o.role().orElse("<dbt_user>");
        if (kind.equals("SCHEMA")) {
          return "GRANT USAGE ON SCHEMA " + rel + " TO " + user + "; GRANT CREATE ON SCHEMA " + rel + " TO "
              + user + " (Postgres/Redshift)";
        }
        if (kind.equals("DATABASE")) {
          return "GRANT CREATE ON DATABASE " + rel + " TO " + user + " (Postgres/Redshift)";
        }
        return "GRANT USAGE ON SCHEMA <schema> TO " + user + "; GRANT " + priv + " ON TABLE " + rel + " TO "
            + user + " (Postgres/Redshift)";
      }
    }
  }

  private static String objectKind(String kindHint, String dflt) {
    String code = kindHint == null ? "" : kindHint.toUpperCase(Locale.ROOT);
    if (code.equals("RELATION")) {
      return "TABLE";
    }
    if (code.equals("DATABASE") || code.equals("SCHEMA") || code.equals("CATALOG") || code.equals("VIEW")
        || code.equals("TABLE") || code.equals("FUNCTION") || code.equals("VOLUME")) {
      return code;
    }
    return dflt;
  }

  static String bigQueryRole(String permission) {
    String p = permission.toLowerCase(Locale.ROOT);
    if (p.startsWith("bigquery.jobs.")) {
      return "roles/bigquery.jobUser";
    }
    if (p.contains("rowaccesspolicies") || p.contains("setiampolicy") || p.contains("policytags")) {
      return "roles/bigquery.dataOwner";
    }
    if (p.endsWith(".create") || p.endsWith(".update") || p.endsWith(".updatedata") || p.endsWith(".delete")) {
      return "roles/bigquery.dataEditor";
    }
    if (p.startsWith("bigquery.readsessions")) {
      return "roles/bigquery.readSessionUser";
    }
    return "roles/bigquery.dataViewer (read) or roles/bigquery.dataEditor (write), plus roles/bigquery.jobUser";
  }
}
