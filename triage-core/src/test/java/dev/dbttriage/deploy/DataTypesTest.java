package dev.dbttriage.deploy;

import static dev.dbttriage.deploy.DataTypes.Change.CHANGED;
import static dev.dbttriage.deploy.DataTypes.Change.NARROWED;
import static dev.dbttriage.deploy.DataTypes.Change.SAME;
import static dev.dbttriage.deploy.DataTypes.Change.WIDENED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DataTypesTest {
  @Test
  void spellingsOfOneTypeAreTheSame() {
    assertThat(DataTypes.compare("INT64", "bigint")).isEqualTo(SAME);
    assertThat(DataTypes.compare("NUMBER(38,0)", "integer")).isEqualTo(SAME);
    assertThat(DataTypes.compare("NUMBER(38,0)", "int")).isEqualTo(SAME);
    assertThat(DataTypes.compare("TEXT", "varchar")).isEqualTo(SAME);
    assertThat(DataTypes.compare("character varying(256)", "varchar")).isEqualTo(SAME);
    assertThat(DataTypes.compare("TIMESTAMP_NTZ(9)", "timestamp without time zone")).isEqualTo(SAME);
    assertThat(DataTypes.compare("timestamp with time zone", "timestamptz")).isEqualTo(SAME);
    assertThat(DataTypes.compare("double precision", "FLOAT64")).isEqualTo(SAME);
    assertThat(DataTypes.compare("numeric(18,2)", "NUMBER(18,2)")).isEqualTo(SAME);
    assertThat(DataTypes.compare("bool", "BOOLEAN")).isEqualTo(SAME);
  }

  @Test
  void narrowedTypes() {
    assertThat(DataTypes.compare("varchar(100)", "varchar(50)")).isEqualTo(NARROWED);
    assertThat(DataTypes.compare("bigint", "integer")).isEqualTo(NARROWED);
    assertThat(DataTypes.compare("numeric(18,4)", "numeric(10,2)")).isEqualTo(NARROWED);
    assertThat(DataTypes.compare("timestamp", "date")).isEqualTo(NARROWED);
    assertThat(DataTypes.compare("numeric(18,2)", "integer")).isEqualTo(NARROWED);
  }

  @Test
  void widenedTypes() {
    assertThat(DataTypes.compare("varchar(50)", "varchar(100)")).isEqualTo(WIDENED);
    assertThat(DataTypes.compare("integer", "bigint")).isEqualTo(WIDENED);
    assertThat(DataTypes.compare("date", "timestamp")).isEqualTo(WIDENED);
    assertThat(DataTypes.compare("varchar(50)", "text")).isEqualTo(WIDENED);
  }

  @Test
  void otherFamiliesAreChanged() {
    assertThat(DataTypes.compare("integer", "varchar")).isEqualTo(CHANGED);
    assertThat(DataTypes.compare("timestamp_ntz", "timestamp_tz")).isEqualTo(CHANGED);
    assertThat(DataTypes.compare("boolean", "integer")).isEqualTo(CHANGED);
    assertThat(DataTypes.compare("geography", "string")).isEqualTo(CHANGED);
  }
}
