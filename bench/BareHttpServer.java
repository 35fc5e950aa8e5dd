import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

/**
 * The HTTP ceiling: a bare Vert.x HTTP server answering a fixed JSON body, one verticle per event
 * loop. Run with the service's jar on the classpath: java -cp customer-service.jar BareHttpServer.java PORT
 */
public class BareHttpServer extends VerticleBase {

  private static final Buffer BODY = Buffer.buffer("{\"id\":\"0b8e9f0e-3f7a-4b52-9a59-6b0f0c2f6a11\",\"city\":\"Portland\",\"state\":\"OR\"}");

  @Override
  public Future<?> start() {
    int port = Integer.parseInt(config().getString("port"));
    return vertx.createHttpServer()
        .requestHandler(request -> request.response().putHeader("content-type", "application/json").end(BODY))
        .listen(port, "127.0.0.1");
  }

  public static void main(String[] args) {
    Vertx.vertx().deployVerticle(BareHttpServer::new,
        new DeploymentOptions().setInstances(Runtime.getRuntime().availableProcessors())
            .setConfig(new io.vertx.core.json.JsonObject().put("port", args[0])))
        .onSuccess(id -> System.out.println("bare server listening on " + args[0]));
  }
}
