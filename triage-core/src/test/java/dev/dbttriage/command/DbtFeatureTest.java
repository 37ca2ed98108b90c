package dev.dbttriage.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The versions below are the ones read from dbt-core's changelogs and argument parsers (see DbtFeature). */
class DbtFeatureTest {

  private static DbtVersion v(String s) {
    return DbtVersion.parse(s);
  }

  @Test
  void introducingReleasesFromTheChangelogs() {
    assertThat(DbtFeature.RETRY_COMMAND.since()).isEqualTo(v("1.6.0"));
    assertThat(DbtFeature.BUILD_COMMAND.since()).isEqualTo(v("0.21.0"));
    assertThat(DbtFeature.SELECT_ON_RUN_AND_TEST.since()).isEqualTo(v("0.21.0"));
    assertThat(DbtFeature.SOURCE_FRESHNESS_COMMAND.since()).isEqualTo(v("0.21.0"));
    assertThat(DbtFeature.DEFER_FLAG.since()).isEqualTo(v("0.18.0"));
    assertThat(DbtFeature.STATE_FLAG.since()).isEqualTo(v("0.18.0"));
    assertThat(DbtFeature.METHOD_STATE.since()).isEqualTo(v("0.18.0"));
    assertThat(DbtFeature.FAVOR_STATE_FLAG.since()).isEqualTo(v("1.4.0"));
    assertThat(DbtFeature.FAIL_FAST_FLAG.since()).isEqualTo(v("0.17.0"));
    assertThat(DbtFeature.EMPTY_FLAG.since()).isEqualTo(v("1.8.0"));
    assertThat(DbtFeature.METHOD_RESULT.since()).isEqualTo(v("1.0.0"));
    assertThat(DbtFeature.METHOD_SOURCE_STATUS.since()).isEqualTo(v("1.1.0"));
    assertThat(DbtFeature.METHOD_RESOURCE_TYPE.since()).isEqualTo(v("1.0.0"));
    assertThat(DbtFeature.UNIT_TESTS.since()).isEqualTo(v("1.8.0"));
    assertThat(DbtFeature.SNAPSHOT_COMMAND.since()).isEqualTo(v("0.14.0"));
    assertThat(DbtFeature.INDIRECT_SELECTION_FLAG.since()).isEqualTo(v("1.0.0"));
    assertThat(DbtFeature.AT_OPERATOR.since()).isEqualTo(v("0.13.0"));
    assertThat(DbtFeature.DEPTH_OPERATOR.since()).isEqualTo(v("0.18.0"));
    assertThat(DbtFeature.INTERSECTION.since()).isEqualTo(v("0.18.0"));
  }

  @Test
  void availability() {
    assertThat(DbtFeature.RETRY_COMMAND.availableIn(v("1.5.2"))).isFalse();
    assertThat(DbtFeature.RETRY_COMMAND.availableIn(v("1.6.0"))).isTrue();
    assertThat(DbtFeature.RETRY_COMMAND.availableIn(v("1.6.0b2"))).isTrue();
    assertThat(DbtFeature.BUILD_COMMAND.availableIn(v("0.20.2"))).isFalse();
    assertThat(DbtFeature.BUILD_COMMAND.availableIn(v("0.21.0"))).isTrue();
    assertThat(DbtFeature.SAMPLE_FLAG.availableIn(v("2.0.0-preview.154"))).isTrue();
  }

  @Test
  void anUnknownVersionIsTakenAsTheLatest() {
    assertThat(DbtFeature.RETRY_COMMAND.availableIn(Optional.empty())).isTrue();
    assertThat(DbtFeature.RETRY_COMMAND.availableIn(Optional.of(v("1.4.9")))).isFalse();
  }

  @Test
  void missingReasonNamesBothVersions() {
    assertThat(DbtFeature.RETRY_COMMAND.missingReason(v("1.5.2")))
        .contains("dbt retry exists from dbt 1.6.0; this run used dbt 1.5.2");
    assertThat(DbtFeature.RETRY_COMMAND.missingReason(v("1.7.14"))).isEmpty();
  }

  @Test
  void everyFeatureHasADescriptionAndAVersion() {
    for (DbtFeature f : DbtFeature.values()) {
      assertThat(f.description()).as(f.name()).isNotBlank();
      assertThat(f.since().major()).as(f.name()).isLessThan(2);
    }
  }
}
