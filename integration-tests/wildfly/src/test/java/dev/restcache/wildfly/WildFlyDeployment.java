package dev.restcache.wildfly;

import dev.restcache.testing.contract.ContractServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A contract application deployed on the WildFly server that the build started before the
 * integration tests and stops after them: where it listens, and what restcache logged there.
 */
final class WildFlyDeployment implements ContractServer {
  // WildFly's default pattern: date, time, level, [category].
  private static final Pattern RESTCACHE_WARNING =
      Pattern.compile("^\\S+ \\S+ (WARN|WARNING|ERROR|SEVERE|FATAL)\\s+\\[dev\\.restcache[.\\]]");

  /** How long a deployment may take to answer once the server has started. */
  private static final Duration DEPLOYMENT_BOUND = Duration.ofSeconds(60);

  private final URI baseUri;
  private final Path serverLog;

  private WildFlyDeployment(URI baseUri, Path serverLog) {
    this.baseUri = baseUri;
    this.serverLog = serverLog;
  }

  /**
   * The deployment whose root the system property {@code name} holds, once it answers: the server
   * deploys its WARs while it boots.
   */
  static WildFlyDeployment named(String name) throws InterruptedException {
    WildFlyDeployment deployment =
        new WildFlyDeployment(
            URI.create(required(name)), Path.of(required("restcache.wildfly.log")));
    deployment.awaitDeployed();
    return deployment;
  }

  private void awaitDeployed() throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest probe =
        HttpRequest.newBuilder(baseUri.resolve("contract/counters/deployed"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + DEPLOYMENT_BOUND.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<Void> answer = http.send(probe, HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 200) {
          return;
        }
        last = "status " + answer.statusCode();
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        baseUri
            + " did not answer within "
            + DEPLOYMENT_BOUND
            + " ("
            + last
            + "); see "
            + serverLog);
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException(
          property
              + " is not set: run the tests with "
              + "./mvnw verify, which starts WildFly and deploys the applications");
    }
    return value;
  }

  @Override
  public URI baseUri() {
    return baseUri;
  }

  /** restcache's warnings and errors in the server's log, from every deployment on it. */
  @Override
  public List<String> startupWarnings() {
    try (var lines = Files.lines(serverLog)) {
      return lines.filter(line -> RESTCACHE_WARNING.matcher(line).find()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The build stops the server. */
  @Override
  public void close() {
    // Nothing of the server belongs to one test class.
  }
}
