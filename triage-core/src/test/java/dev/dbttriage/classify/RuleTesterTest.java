package dev.dbttriage.classify;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RuleTesterTest {
  private final Rule discoverable = new DiscoverableRule();

  @Test
  void passesWhenTheRuleAnswersAsExpected() {
    RuleTester.of(discoverable)
        .matches("x DISCOVER-ME y", ErrorClass.DATABASE, Subclass.OTHER)
        .doesNotMatch("Got 3 results, configured to fail if != 0")
        .survivesHostileInput();
  }

  @Test
  void saysWhatWasExpectedAndWhatWasFound() {
    assertThatThrownBy(() -> RuleTester.of(discoverable).matches("DISCOVER-ME", ErrorClass.RUNTIME,
        Subclass.OTHER))
        .isInstanceOf(AssertionError.class)
        .hasMessage("expected rule 'test.discoverable' to answer RUNTIME/OTHER but it answered DATABASE/OTHER; "
            + "message: DISCOVER-ME");
    assertThatThrownBy(() -> RuleTester.of(discoverable).matches("nothing here", ErrorClass.DATABASE,
        Subclass.OTHER))
        .hasMessage("expected rule 'test.discoverable' to match but it did not; message: nothing here");
    assertThatThrownBy(() -> RuleTester.of(discoverable).doesNotMatch("DISCOVER-ME"))
        .hasMessage("expected rule 'test.discoverable' not to match but it answered DATABASE/OTHER; message: "
            + "DISCOVER-ME");
  }
}
