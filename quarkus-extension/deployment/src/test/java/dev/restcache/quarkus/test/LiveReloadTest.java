package dev.restcache.quarkus.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.QuarkusDevModeTest;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * In dev mode, a live reload that restarts the application clears the cache, also when the store
 * outlives the restart ({@link SurvivingStore}): the edited method answers with its new code.
 */
// Public: QuarkusDevModeTest creates the test instance through reflection from outside.
public class LiveReloadTest {
  @RegisterExtension
  static final QuarkusDevModeTest DEV =
      new QuarkusDevModeTest()
          .withApplicationRoot(
              jar ->
                  jar.addClasses(ReloadedResource.class, SurvivingStore.class)
                      .addAsResource(
                          new StringAsset(DevModeHttp.PROPERTIES), "application.properties"));

  @AfterAll
  static void dropTheStore() {
    System.getProperties().remove(SurvivingStore.PROPERTY);
  }

  @Test
  void anEditedMethodIsAnsweredWithItsNewCodeAfterARestart() {
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
        .as("restarted")
        .isNotEqualTo(started);
    DevModeHttp.get("/reloaded")
        .then()
        .body(equalTo("new code"))
        .header("Cache-Status", containsString("restcache; hit"));
  }
}
