package dev.tapio.alerts;

import java.util.List;

class OtlpLogSinkContractTest extends CountedSinkContract {
  private final OtlpReceiver receiver = OtlpReceiver.start(OtlpReceiver.Mode.HTTP);

  @Override
  CountedAlertSink newSink() {
    return OtlpLogSinkTest.sinkFor(receiver).delivery(POLICY).build();
  }

  @Override
  List<Long> received() {
    return receiver.records().stream().map(r -> r.attributes().get("seq").getIntValue()).toList();
  }

  @Override
  void stopReceiver() {
    receiver.close();
  }
}
