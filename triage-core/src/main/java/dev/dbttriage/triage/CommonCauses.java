package dev.dbttriage.triage;

import dev.dbttriage.classify.Subclass;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds roots that look like one problem: three or more failed roots with one class, one subclass and (when
 * their messages name relations) one schema or dataset. Stateless.
 */
final class CommonCauses {
  private CommonCauses() {}

  /** Returns the groups of three or more, largest first. */
  static List<CommonCause> find(List<RootCause> roots) {
    Map<String, List<RootCause>> groups = new LinkedHashMap<>();
    Map<String, Optional<String>> scopes = new HashMap<>();
    for (RootCause r : roots) {
      if (r.severity() == Severity.INFO || r.kind() == RootKind.NEVER_RAN || r.kind() == RootKind.UNEXPLAINED_SKIP
          || r.diagnosis().subclass() == Subclass.OTHER) {
        continue;
      }
      Optional<String> scope = r.diagnosis().classification().flatMap(c -> c.objects().relation())
          .map(CommonCauses::scopeOf).filter(x -> !x.isEmpty());
      String key = r.diagnosis().errorClass() + "/" + r.diagnosis().subclass() + "/" + scope.orElse("");
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
      scopes.put(key, scope);
    }
    List<CommonCause> out = new ArrayList<>();
    for (Map.Entry<String, List<RootCause>> e : groups.entrySet()) {
      List<RootCause> members = e.getValue();
      if (members.size() < 3) {
        continue;
      }
      RootCause first = members.get(0);
      Optional<String> scope = scopes.get(e.getKey());
      List<String> ids = members.stream().map(RootCause::uniqueId).sorted().toList();
      String summary = members.size() + " roots fail with " + first.diagnosis().errorClass() + "/"
          + first.diagnosis().subclass() + scope.map(x -> " in " + x).orElse("")
          + ": likely one cause upstream of them all; fix it once, then rescue them in one run";
      out.add(new CommonCause(first.diagnosis().errorClass(), first.diagnosis().subclass(), scope, ids, summary));
    }
    out.sort(Comparator.comparing((CommonCause c) -> c.roots().size()).reversed()
        .thenComparing(c -> c.roots().get(0)));
    return out;
  }

  /** The schema or dataset part of a relation name: everything before its last dot, quotes removed. */
  static String scopeOf(String relation) {
    String r = relation.replace("\"", "").replace("`", "").strip();
    int dot = r.lastIndexOf('.');
    return dot > 0 ? r.substring(0, dot) : "";
  }
}
