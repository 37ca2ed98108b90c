package dev.dbttriage.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class SubclassTest {
  @Test
  void transientOnlyForConnectionsResumingWarehousesAndLocks() {
    assertThat(Arrays.stream(Subclass.values()).filter(s -> s.defaultTransience() == Transience.TRANSIENT))
        .containsExactlyInAnyOrder(
            Subclass.CONNECTION_FAILED, Subclass.WAREHOUSE_NOT_RUNNING, Subclass.CONCURRENT_MODIFICATION);
  }

  @Test
  void timeoutsPermissionsCodeAndAccountStatesArePersistent() {
    for (Subclass s : EnumSet.of(Subclass.PERMISSION_DENIED, Subclass.STATEMENT_TIMEOUT, Subclass.SQL_SYNTAX,
        Subclass.TYPE_MISMATCH, Subclass.INVALID_CONFIG, Subclass.NOT_NULL, Subclass.BILLING_NOT_ENABLED,
        Subclass.ACCOUNT_SUSPENDED, Subclass.NO_WAREHOUSE_OR_DATABASE, Subclass.PACKAGE_VERSION_CONFLICT)) {
      assertThat(s.defaultTransience()).as(s.name()).isEqualTo(Transience.PERSISTENT);
    }
  }

  @Test
  void unknownWhereTheSubclassDoesNotSay() {
    for (Subclass s : EnumSet.of(Subclass.RESOURCE_EXHAUSTED, Subclass.INTERNAL_ERROR, Subclass.NEVER_RAN,
        Subclass.OTHER)) {
      assertThat(s.defaultTransience()).as(s.name()).isEqualTo(Transience.UNKNOWN);
    }
  }

  @Test
  void schemaChangeAndDataTestSets() {
    assertThat(Arrays.stream(Subclass.values()).filter(Subclass::schemaChange))
        .containsExactlyInAnyOrder(Subclass.SCHEMA_CHANGE_NOT_ALLOWED, Subclass.MISSING_COLUMN, Subclass.TYPE_MISMATCH);
    assertThat(Arrays.stream(Subclass.values()).filter(Subclass::dataTest))
        .containsExactlyInAnyOrder(Subclass.NOT_NULL, Subclass.UNIQUE, Subclass.ACCEPTED_VALUES,
            Subclass.RELATIONSHIPS, Subclass.CUSTOM_TEST);
  }

  @Test
  void newConstantsSitBeforeNeverRanAndOther() {
    assertThat(Subclass.ACCOUNT_SUSPENDED.ordinal()).isLessThan(Subclass.NEVER_RAN.ordinal());
    assertThat(Subclass.NO_WAREHOUSE_OR_DATABASE.ordinal()).isLessThan(Subclass.NEVER_RAN.ordinal());
    assertThat(Subclass.OTHER.ordinal()).isEqualTo(Subclass.values().length - 1);
  }
}
