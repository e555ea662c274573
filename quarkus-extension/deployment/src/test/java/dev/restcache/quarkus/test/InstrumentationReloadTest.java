package dev.restcache.quarkus.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.QuarkusDevModeTest;
import java.util.logging.LogRecord;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * In dev mode with {@code quarkus.live-reload.instrumentation=true}, Quarkus replaces an edited
 * method's class in place, without restarting the application (and its in-memory store): the cache
 * is cleared all the same, and the method answers with its new code.
 */
// Public: QuarkusDevModeTest creates the test instance through reflection from outside.
public class InstrumentationReloadTest {
  @RegisterExtension
  static final QuarkusDevModeTest DEV =
      new QuarkusDevModeTest()
          .withApplicationRoot(
              jar ->
                  jar.addClasses(ReloadedResource.class)
                      .addAsResource(
                          new StringAsset(
                              DevModeHttp.PROPERTIES
                                  + "quarkus.live-reload.instrumentation=true\n"),
                          "application.properties"))
          .setLogRecordPredicate(
              record ->
                  record.getMessage() != null && record.getMessage().contains("instrumentation"));

  @Test
  void anEditedMethodIsAnsweredWithItsNewCodeWithoutARestart() {
    String started = DevModeHttp.get("/reloaded/started").asString();
    DevModeHttp.get("/reloaded").then().statusCode(200).body(equalTo("old code"));
    DevModeHttp.get("/reloaded")
        .then()
        .statusCode(200)
        .body(equalTo("old code"))
        .header("Cache-Status", containsString("restcache; hit"));

    DEV.modifySourceFile(
        ReloadedResource.class, source -> source.replace("\"old code\"", "\"new code\""));

    DevModeHttp.get("/reloaded")
        .then()
        .statusCode(200)
        .body(equalTo("new code"))
        .header("Cache-Status", equalTo("restcache; fwd=uri-miss; stored"));
    assertThat(DevModeHttp.get("/reloaded/started").asString())
        .as("not restarted")
        .isEqualTo(started);
    assertThat(DEV.getLogRecords())
        .extracting(LogRecord::getMessage)
        .anyMatch(message -> message.contains("Live reload performed via instrumentation"));
    DevModeHttp.get("/reloaded")
        .then()
        .body(equalTo("new code"))
        .header("Cache-Status", containsString("restcache; hit"));
  }
}
