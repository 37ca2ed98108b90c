package dev.dbttriage.triage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mismatch table dbt prints when a model's enforced contract fails (dbt 1.5+: {@code | column_name |
 * definition_type | contract_type | mismatch_reason |}), read back from the message so that a report keeps it:
 * it is the one thing the person fixing the contract needs.
 */
final class ContractMismatches {
  private ContractMismatches() {}

  /** The table's lines as dbt printed them, header and separator included; empty when there is none. */
  static List<String> lines(String message) {
    if (message == null || !message.contains("enforced contract")) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String line : message.split("\n")) {
      String t = line.strip();
      if (t.startsWith("|") && t.endsWith("|")) {
        out.add(t);
      } else if (!out.isEmpty() && !t.isEmpty()) {
        break;
      }
    }
    return out.size() >= 2 && out.get(0).contains("column_name") ? out : List.of();
  }

  /** The table's rows as column → value maps, in dbt's order; empty when there is no table. */
  static List<Map<String, String>> rows(String message) {
    List<String> lines = lines(message);
    if (lines.isEmpty()) {
      return List.of();
    }
    List<String> header = cells(lines.get(0));
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = cells(line);
      if (cells.stream().allMatch(c -> c.chars().allMatch(ch -> ch == '-'))) {
        continue;
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), i < cells.size() ? cells.get(i) : "");
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<String> cells(String line) {
    String inner = line.substring(1, line.length() - 1);
    List<String> out = new ArrayList<>();
    for (String c : inner.split("\\|", -1)) {
      out.add(c.strip());
    }
    return out;
  }
}
