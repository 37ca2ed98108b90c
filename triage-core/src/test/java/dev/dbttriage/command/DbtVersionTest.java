package dev.dbttriage.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DbtVersionTest {

  @Test
  void readsTheShapesArtifactsRecord() {
    assertThat(DbtVersion.parse("1.7.14")).isEqualTo(DbtVersion.of(1, 7, 14));
    assertThat(DbtVersion.parse("0.21.0")).isEqualTo(DbtVersion.of(0, 21, 0));
    assertThat(DbtVersion.parse("1.12.0b3")).isEqualTo(new DbtVersion(1, 12, 0, "b3"));
    assertThat(DbtVersion.parse("1.10.0-rc1")).isEqualTo(new DbtVersion(1, 10, 0, "rc1"));
    assertThat(DbtVersion.parse("1.4.0a1")).isEqualTo(new DbtVersion(1, 4, 0, "a1"));
    assertThat(DbtVersion.parse("2.0.0-beta.2")).isEqualTo(new DbtVersion(2, 0, 0, "b2"));
    assertThat(DbtVersion.parse("2.0.0-preview.154")).isEqualTo(new DbtVersion(2, 0, 0, "preview154"));
  }

  @Test
  void printsAsDbtWritesIt() {
    assertThat(DbtVersion.parse("1.12.0b3")).hasToString("1.12.0b3");
    assertThat(DbtVersion.parse("1.10.0-rc1")).hasToString("1.10.0rc1");
    assertThat(DbtVersion.parse("2.0.0-preview.154")).hasToString("2.0.0-preview.154");
    assertThat(DbtVersion.parse("1.7")).hasToString("1.7.0");
  }

  @Test
  void ordersAsDbtReleases() {
    List<DbtVersion> shuffled = new ArrayList<>(List.of(DbtVersion.parse("1.10.0"), DbtVersion.parse("1.10.0rc1"),
        DbtVersion.parse("1.10.0b3"), DbtVersion.parse("1.9.4"), DbtVersion.parse("1.10.0b10"),
        DbtVersion.parse("1.10.0a1"), DbtVersion.parse("0.21.0"), DbtVersion.parse("2.0.0-preview.92"),
        DbtVersion.parse("2.0.0-preview.199")));
    Collections.shuffle(shuffled, new java.util.Random(7));
    Collections.sort(shuffled);
    assertThat(shuffled).extracting(DbtVersion::toString).containsExactly("0.21.0", "1.9.4", "1.10.0a1",
        "1.10.0b3", "1.10.0b10", "1.10.0rc1", "1.10.0", "2.0.0-preview.92", "2.0.0-preview.199");
  }

  @Test
  void aPreReleaseCountsAsItsReleaseForFeatures() {
    assertThat(DbtVersion.parse("1.6.0b1").releaseAtLeast(DbtVersion.of(1, 6, 0))).isTrue();
    assertThat(DbtVersion.parse("1.5.11").releaseAtLeast(DbtVersion.of(1, 6, 0))).isFalse();
    assertThat(DbtVersion.parse("1.6.0b1").isPreRelease()).isTrue();
    assertThat(DbtVersion.parse("1.6.0").isPreRelease()).isFalse();
  }

  @Test
  void fusionIsMajorTwo() {
    assertThat(DbtVersion.parse("2.0.0-preview.154").isFusion()).isTrue();
    assertThat(DbtVersion.parse("1.12.2").isFusion()).isFalse();
  }

  @Test
  void whatIsNotAVersionIsAbsentOrAClearError() {
    assertThat(DbtVersion.tryParse("pre-0.19")).isEmpty();
    assertThat(DbtVersion.tryParse(null)).isEmpty();
    assertThat(DbtVersion.tryParse(" ")).isEmpty();
    assertThat(DbtVersion.tryParse("1.7.14")).isEqualTo(Optional.of(DbtVersion.of(1, 7, 14)));
    assertThatThrownBy(() -> DbtVersion.parse("latest")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'latest' is not a dbt version; expected major.minor[.patch] with an optional pre-release "
            + "such as 1.7.14, 1.12.0b3, 1.10.0-rc1 or 2.0.0-preview.154");
    assertThatThrownBy(() -> new DbtVersion(1, 0, 0, "gamma")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'gamma' is not a canonical pre-release tag; expected dev, aN, bN, previewN, rcN or postN");
  }
}
