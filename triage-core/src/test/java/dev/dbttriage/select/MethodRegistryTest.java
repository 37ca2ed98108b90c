package dev.dbttriage.select;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbttriage.select.Spec.Method;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The one table from selector method name to implementation, as dbt's MethodManager. */
class MethodRegistryTest {
  @Test
  void everyMethodNameHasOneImplementation() {
    assertThat(Methods.table().keySet()).isEqualTo(EnumSet.allOf(Method.class));
    assertThat(Methods.table().values()).doesNotContainNull();
  }

  @Test
  void namesMapToTheirClasses() {
    assertThat(Methods.get(Method.of("fqn"))).isInstanceOf(FqnMethod.class);
    assertThat(Methods.get(Method.of("state"))).isInstanceOf(StateMethod.class);
    assertThat(Methods.get(Method.of("selector"))).isInstanceOf(SelectorNameMethod.class);
    assertThat(Methods.get(Method.of("saved_query"))).isInstanceOf(NamedResourceMethod.class);
    assertThat(Method.of("modle")).isNull();
  }
}
