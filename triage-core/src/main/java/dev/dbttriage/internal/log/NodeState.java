package dev.dbttriage.internal.log;

import dev.dbttriage.classify.ErrorClass;
import dev.dbttriage.log.LogNode;
import dev.dbttriage.log.LogNodeStatus;
import java.util.Optional;
import java.util.OptionalDouble;

/** What the parser knows of one node while it reads. */
final class NodeState {
  int index;
  int total;
  String description;
  String uniqueId;
  String resourceType;
  String name = "";
  String relation;
  LogNodeStatus status = LogNodeStatus.STARTED;
  ErrorClass errorClass;
  String message;
  Double executionTime;
  boolean hook;
  String thread;

  NodeState(int index, int total, String description) {
    this.index = index;
    this.total = total;
    this.description = description;
  }

  LogNode build() {
    return new LogNode(index, total, description, Optional.ofNullable(uniqueId), Optional.ofNullable(resourceType),
        name, Optional.ofNullable(relation), status,
        status == LogNodeStatus.ERROR || status == LogNodeStatus.FAIL || status == LogNodeStatus.WARN
            ? Optional.ofNullable(errorClass) : Optional.empty(),
        Optional.ofNullable(message),
        executionTime == null ? OptionalDouble.empty() : OptionalDouble.of(executionTime), hook);
  }
}
