package dev.tapio.rules;

/** Every case of {@link CorrelationTest}, evaluated by Drools stream-mode rules. */
class DroolsStreamCorrelationTest extends CorrelationTest {

  @Override
  CompiledCorrelation.Evaluator evaluator() {
    return CompiledCorrelation.Evaluator.DROOLS_STREAM;
  }
}
