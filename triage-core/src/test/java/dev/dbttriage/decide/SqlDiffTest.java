package dev.dbttriage.decide;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlDiffTest {
  @Test
  void inlineSelectItemInsertionIsAnAddedColumn() {
    SqlDiff.Result r = SqlDiff.compare("with s as (select * from {{ ref('src') }})\nselect * from s",
        "with s as (select * from {{ ref('src') }})\nselect\n {{ dbt_utils.surrogate_key(['a', 'b']) }} as id,\n*"
            + " from s");
    assertThat(r.kind()).isEqualTo(SqlDiff.Kind.COLUMNS_ADDED);
    assertThat(r.columns()).containsExactly("id");
  }

  @Test
  void groupByAdditionIsLogic() {
    SqlDiff.Result r = SqlDiff.compare("select a, sum(x) as x from t group by a",
        "select a, sum(x) as x from t group by a, b");
    assertThat(r.kind()).isEqualTo(SqlDiff.Kind.LOGIC);
  }

  @Test
  void removedSelectItemIsARemovedColumn() {
    SqlDiff.Result r = SqlDiff.compare("select a,\n  cast(b as int) as b,\n  c\nfrom t", "select a,\n  c\nfrom t");
    assertThat(r.kind()).isEqualTo(SqlDiff.Kind.COLUMNS_REMOVED);
    assertThat(r.columns()).containsExactly("b");
  }

  @Test
  void newJoinIsLogic() {
    SqlDiff.Result r = SqlDiff.compare("select a from t", "select a from t\nleft join u using (a)");
    assertThat(r.kind()).isEqualTo(SqlDiff.Kind.LOGIC);
  }

  @Test
  void starSwapIsRecognised() {
    SqlDiff.Result r = SqlDiff.compare("select *\nfrom {{ source('s', 't') }}",
        "select\n  a,\n  b\nfrom {{ source('s', 't') }}");
    assertThat(r.kind()).isEqualTo(SqlDiff.Kind.LOGIC);
    assertThat(SqlDiff.starSwap(r)).hasValueSatisfying(s -> {
      assertThat(s.starBefore()).isTrue();
      assertThat(s.names()).containsExactly("a", "b");
    });
  }

  @Test
  void commentsAndCaseAreCosmetic() {
    assertThat(SqlDiff.compare("select a from t", "-- note\nSELECT  a\nFROM t /* x */").kind())
        .isEqualTo(SqlDiff.Kind.COSMETIC);
  }
}
