package io.customerservice.contract;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** What a foreign JVM gets with our contract jar: our types, and nothing that changes its process. */
class ContractJarTest {

  @Test
  void theContractRegistersNoServiceThatWouldReplaceTheJvmsJsonCodec() throws Exception {
    var registrations = ContractJarTest.class.getClassLoader().getResources("META-INF/services/io.vertx.core.spi.JsonFactory");
    assertFalse(registrations.hasMoreElements(), () -> "registered by " + registrations.nextElement());
  }
}
