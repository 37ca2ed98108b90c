package dev.dbttriage.internal.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrozenMapTest {
  @Test
  void keepsInsertionOrderAndAnswersLikeALinkedHashMapSmallAndLarge() {
    for (int size : new int[] {0, 1, 8, 9, 40}) {
      List<String> keys = new ArrayList<>();
      List<Object> values = new ArrayList<>();
      Map<String, Object> expected = new LinkedHashMap<>();
      for (int i = size - 1; i >= 0; i--) {
        keys.add("k" + i);
        values.add(i % 3 == 0 ? null : i);
        expected.put("k" + i, i % 3 == 0 ? null : i);
      }
      FrozenMap<Object> map = FrozenMap.of(keys, values);
      assertThat(map).isEqualTo(expected);
      assertThat(new ArrayList<>(map.keySet())).isEqualTo(new ArrayList<>(expected.keySet()));
      for (String k : expected.keySet()) {
        assertThat(map.containsKey(k)).isTrue();
        assertThat(map.get(k)).isEqualTo(expected.get(k));
      }
      assertThat(map.containsKey("absent")).isFalse();
      assertThat(map.hashCode()).isEqualTo(expected.hashCode());
    }
  }

  @Test
  void aRepeatedKeyKeepsItsLastValueAtItsFirstPosition() {
    List<String> keys = new ArrayList<>(Arrays.asList("a", "b", "c", "d", "e", "f", "g", "h", "i", "a"));
    List<Object> values = new ArrayList<>(Arrays.asList(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    FrozenMap<Object> map = FrozenMap.of(keys, values);
    assertThat(map).hasSize(9).containsEntry("a", 10);
    assertThat(map.keySet()).first().isEqualTo("a");
    // "Aa" and "BB" share a hash code: told apart by equals.
    FrozenMap<Object> collide = FrozenMap.of(List.of("Aa", "BB", "c", "d", "e", "f", "g", "h", "i"),
        List.of(1, 2, 3, 4, 5, 6, 7, 8, 9));
    assertThat(collide).hasSize(9).containsEntry("Aa", 1).containsEntry("BB", 2);
  }

  @Test
  void isImmutableAndRejectsMismatchedInput() {
    FrozenMap<Object> map = FrozenMap.of(List.of("a"), List.of(1));
    assertThatThrownBy(() -> map.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> FrozenMap.of(List.of("a", "b"), List.of(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("2 keys but 1 values");
  }
}
