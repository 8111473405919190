package io.pacer.api;

import io.pacer.api.service.AgentDeskService;
import io.pacer.api.service.CampaignAgentsService;
import io.pacer.api.service.AgentService;
import io.pacer.api.service.CallService;
import io.pacer.api.service.CampaignService;
import io.pacer.api.service.ComplianceService;
import io.pacer.api.service.AgentFloor;
import io.pacer.api.service.ConsoleSnapshots;
import io.pacer.api.service.ShiftHistory;
import io.pacer.api.service.WhatIf;
import io.pacer.api.service.WhatIfService;
import io.pacer.api.service.ContactService;
import io.pacer.api.service.DialingService;
import io.pacer.api.service.ImportService;
import io.pacer.api.service.StatsService;
import io.pacer.api.service.UserService;
import io.pacer.api.service.CallbackService;
import io.pacer.api.service.CampaignDeletionService;
import io.pacer.api.service.GroupService;
import io.pacer.api.service.LookupService;
import io.pacer.api.service.WebhookService;
import io.pacer.engine.control.EngineControl;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.pacer.store.Storage;
import io.pacer.store.idempotency.IdempotencyKeys;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP API: Netty on one port, JSON under {@code /api/v1}, bearer tokens, Prometheus metrics at
 * {@code /metrics}. Handlers run on a small blocking pool, so a request that changes data is answered once its
 * transaction has committed without ever holding up an event loop.
 */
public final class ApiServer implements AutoCloseable {

    /**
     * Largest request body accepted (a CSV import sent in one request, which is held in memory); larger lists
     * are dropped in the import directory and imported from there, streamed.
     */
    public static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

    /** Longest request line (method, URI, version); a longer one is answered 414. */
    public static final int MAX_LINE_BYTES = 8 * 1024;

    /** Largest header block; a larger one is answered 431. */
    public static final int MAX_HEADER_BYTES = 16 * 1024;

    private final EventLoopGroup boss = new NioEventLoopGroup(1);
    private final EventLoopGroup workers = new NioEventLoopGroup(2);
    private final ExecutorService blocking = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "pacer-api");
        t.setDaemon(true);
        return t;
    });
    /** Samples the floor for the shift charts ({@link ShiftHistory}); the work itself runs on {@link #blocking}. */
    private final java.util.concurrent.ScheduledExecutorService sampler =
            Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "pacer-console-sampler");
                t.setDaemon(true);
                return t;
            });
    private final PrometheusMeterRegistry registry;
    private final Channel channel;
    private final List<Route> routes;

    /**
     * Starts serving on {@code host:port} (port 0 picks a free one).
     *
     * @param storage storage behind every route
     * @param engine  the core's control and live stats ({@link EngineControl#NONE} without a core)
     */
    public ApiServer(Storage storage, EngineControl engine, String host, int port) throws InterruptedException {
        this(storage, engine, host, port, null);
    }

    /**
     * Starts serving on {@code host:port} (port 0 picks a free one), importing files named in import requests
     * from {@code importDir} ({@code null}: imports only from the request body).
     */
    public ApiServer(Storage storage, EngineControl engine, String host, int port, java.nio.file.Path importDir)
            throws InterruptedException {
        this(storage, engine, host, port, importDir, Cors.NONE);
    }

    /**
     * Starts serving on {@code host:port} (port 0 picks a free one), importing files from {@code importDir}
     * ({@code null}: none) and answering browsers of the origins {@code cors} allows.
     */
    public ApiServer(Storage storage, EngineControl engine, String host, int port, java.nio.file.Path importDir, Cors cors)
            throws InterruptedException {
        this(storage, engine, host, port, importDir, cors, null);
    }

    /**
     * As above, with a simulator for what-if predictions ({@code null}: {@code POST .../what-if} answers 409 saying
     * this server runs without one).
     */
    public ApiServer(Storage storage, EngineControl engine, String host, int port, java.nio.file.Path importDir, Cors cors,
            WhatIf whatIf) throws InterruptedException {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Gauge.builder("pacer_journal_backlog", storage.journal(), j -> j.backlog())
                .description("finished calls recorded by the core and not yet committed").register(registry);
        Gauge.builder("pacer_hopper_loaded", storage.refill(), r -> r.loadedCount())
                .description("contacts loaded into the hopper since start").register(registry);
        if (storage.leases() != null) {
            io.pacer.store.cluster.LeaseKeeper leases = storage.leases();
            Gauge.builder("pacer_node_leases", leases, k -> k.held().size()).tag("node", leases.nodeId())
                    .description("campaigns this node holds under a lease").register(registry);
            Gauge.builder("pacer_nodes_alive", leases, k -> k.nodes().stream().filter(n -> n.alive()).count())
                    .tag("node", leases.nodeId())
                    .description("nodes whose last heartbeat is within their lease time, as this node reads them")
                    .register(registry);
        }
        List<Route> all = new ArrayList<>();
        CampaignService campaigns = new CampaignService(storage, engine);
        CampaignAgentsService campaignAgents = new CampaignAgentsService(storage, engine);
        CallService calls = new CallService(storage, engine);
        all.addAll(AdminRoutes.routes(new UserService(storage, campaignAgents)));
        all.addAll(CampaignRoutes.routes(campaigns, new ImportService(storage, importDir)));
        all.addAll(AmdRoutes.routes(new io.pacer.api.service.AmdService(storage, engine)));
        all.addAll(ContactRoutes.routes(new ContactService(storage)));
        all.addAll(DialingRoutes.routes(new DialingService(storage)));
        all.addAll(CallRoutes.routes(calls, new AgentService(storage, engine)));
        all.addAll(AgentDeskRoutes.routes(new AgentDeskService(storage, engine, calls), campaignAgents));
        StatsService stats = new StatsService(storage, engine, new TrunkMeters(registry));
        all.addAll(StatsRoutes.routes(stats, campaigns, registry));
        AgentFloor agentFloor = new AgentFloor(storage, engine);
        ConsoleSnapshots snapshots = new ConsoleSnapshots(storage, engine, stats, agentFloor);
        all.addAll(ConsoleStreamRoutes.routes(snapshots, agentFloor));
        all.addAll(WhatIfRoutes.routes(new WhatIfService(storage, snapshots, whatIf)));
        // The shift charts fill whether or not anybody watches the floor.
        sampler.scheduleAtFixedRate(() -> blocking.execute(snapshots::refresh), 0, ShiftHistory.SAMPLE_MILLIS,
                TimeUnit.MILLISECONDS);
        all.addAll(ConsoleRoutes.routes());
        all.addAll(GroupRoutes.routes(new GroupService(storage, campaignAgents)));
        all.addAll(LookupRoutes.routes(new LookupService(storage)));
        all.addAll(CampaignDeletionRoutes.routes(new CampaignDeletionService(storage)));
        all.addAll(WebhookRoutes.routes(new WebhookService(storage)));
        all.addAll(CallbackOrderRoutes.routes(new CallbackService(storage)));
        all.addAll(ComplianceRoutes.routes(new ComplianceService(storage)));
        routes = List.copyOf(all);
        ApiHandler handler = new ApiHandler(routes, RouteContract.load(), storage.users(), blocking, new EventStreams(blocking),
                cors, new Idempotency(new IdempotencyKeys(storage.db()), () -> storage.clock().epochMillis()));
        channel = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(MAX_LINE_BYTES, MAX_HEADER_BYTES, 8192), new BodyLimit(), handler);
                    }
                })
                .bind(host, port).sync().channel();
    }

    /**
     * Aggregates a request's body up to {@link #MAX_BODY_BYTES}; a larger one is answered 413 with a problem
     * body saying the limit and where large lists go instead, and the connection is closed.
     */
    private static final class BodyLimit extends HttpObjectAggregator {
        BodyLimit() {
            super(MAX_BODY_BYTES);
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            var response = Problem.of(413, "body_too_large", "Content too large", "body", "the body is over "
                    + MAX_BODY_BYTES + " bytes; put large lists in the import directory and import them with ?file=").toHttp();
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** The port it listens on. */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Every endpoint served (the OpenAPI document must list each). */
    List<Route> routes() {
        return routes;
    }

    /** The metrics registry, for other parts to add their meters. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        sampler.shutdownNow();
        blocking.shutdown();
    }
}
