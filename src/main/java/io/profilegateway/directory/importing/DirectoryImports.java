package io.profilegateway.directory.importing;

import io.profilegateway.access.AccessPolicy;
import io.profilegateway.access.Actor;
import io.profilegateway.common.ApiProblem;
import io.profilegateway.common.Paging;
import io.profilegateway.directory.user.User;
import io.profilegateway.directory.user.UserDto;
import io.profilegateway.directory.user.UserService;
import io.profilegateway.pbx.AmiConfig;
import io.profilegateway.pbx.PbxServers;
import io.profilegateway.trigger.teams.GraphDirectory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Directory imports from a PBX: read its users (FreePBX AstDB), show the diff, and on an admin's word apply it user by
 * user, each in a transaction of its own and through {@link UserService} like a change over the API, on one background
 * thread: switching goes on meanwhile (each step locks one user for a moment), and the progress can be watched.
 * Imports live in memory on the node that runs them; the last {@value #KEPT} are kept.
 */
@ApplicationScoped
public class DirectoryImports {

    static final int KEPT = 20;

    private static final Logger LOG = Logger.getLogger(DirectoryImports.class);

    @Inject
    FreePbxUsers freePbx;

    @Inject
    PjsipUsers pjsip;

    @Inject
    GraphDirectory entra;

    @Inject
    PbxServers servers;

    @Inject
    UserService users;

    @Inject
    AccessPolicy access;

    @Inject
    AmiConfig ami;

    @Inject
    Clock clock;

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, ImportJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "directory-import");
        thread.setDaemon(true);
        return thread;
    });

    /** Starts reading the server's users; the diff follows in {@link #get} (state PREVIEW). */
    public ImportView start(Actor actor, ImportSource source, String server) {
        requireAdmin(actor);
        servers.requireKnown("server", server);
        if (source == ImportSource.ENTRA && !entra.configured()) {
            throw ApiProblem.conflict("graph-not-configured",
                    "An import from Entra ID needs Microsoft Graph (gateway.graph.tenant-id and credentials)");
        }
        String name = source == ImportSource.ENTRA ? null : servers.serverOf(server);
        ImportJob job = new ImportJob(ids.incrementAndGet(), source, name, actor.label(), clock.instant());
        jobs.put(job.id, job);
        jobs.keySet().removeIf(id -> id <= job.id - KEPT);
        worker.execute(() -> read(job));
        return view(job, Paging.of(0, 100));
    }

    public ImportView get(Actor actor, long id, Paging paging) {
        requireAdmin(actor);
        return view(job(id), paging);
    }

    /** Applies a previewed import in the background; {@link #get} shows the progress. */
    public ImportView apply(Actor actor, long id) {
        requireAdmin(actor);
        ImportJob job = job(id);
        synchronized (job) {
            if (job.state != ImportJob.State.PREVIEW) {
                throw ApiProblem.conflict("import-not-in-preview",
                        "Import " + id + " is " + job.state + ": only an import in PREVIEW can be applied");
            }
            job.state = ImportJob.State.APPLYING;
        }
        worker.execute(() -> applyAll(job, actor));
        return view(job, Paging.of(0, 100));
    }

    private void read(ImportJob job) {
        if (job.source == ImportSource.ENTRA) {
            readEntra(job);
            return;
        }
        try {
            PbxReading reading = (job.source == ImportSource.PJSIP ? pjsip.read(job.server) : freePbx.read(job.server))
                    .toCompletableFuture()
                    .get(ami.fullReconcileTimeout().toMillis(), TimeUnit.MILLISECONDS);
            DirectoryDiff.Result diff = QuarkusTransaction.requiringNew()
                    .call(() -> DirectoryDiff.of(job.server, reading.users(), servers));
            job.changes = diff.changes();
            job.skipped = java.util.stream.Stream.concat(reading.skipped().stream(), diff.skipped().stream()).toList();
            job.state = ImportJob.State.PREVIEW;
            LOG.infof("Directory import %d from %s: %d user(s) on the PBX, %d change(s), %d skipped", job.id,
                    job.server, reading.users().size(), job.changes.size(), job.skipped.size());
        } catch (Exception e) {
            job.error = "the PBX could not be read: " + rootMessage(e);
            job.state = ImportJob.State.FAILED;
            LOG.infof("Directory import %d from %s failed: %s", job.id, job.server, job.error);
        }
    }

    private void readEntra(ImportJob job) {
        try {
            List<GraphDirectory.EntraUser> found = entra.users();
            DirectoryDiff.Result diff = QuarkusTransaction.requiringNew().call(() -> EntraDiff.of(found));
            job.changes = diff.changes();
            job.skipped = diff.skipped();
            job.state = ImportJob.State.PREVIEW;
            LOG.infof("Directory import %d from Entra ID: %d user(s), %d change(s), %d skipped", job.id,
                    found.size(), job.changes.size(), job.skipped.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.error = "interrupted";
            job.state = ImportJob.State.FAILED;
        } catch (Exception e) {
            job.error = "Entra ID could not be read: " + rootMessage(e);
            job.state = ImportJob.State.FAILED;
            LOG.infof("Directory import %d from Entra ID failed: %s", job.id, job.error);
        }
    }

    private void applyAll(ImportJob job, Actor actor) {
        for (ImportChange change : job.changes) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (job.source == ImportSource.ENTRA) {
                        applyEntra(change, actor);
                    } else {
                        applyOne(change, job.server, actor);
                    }
                });
                job.applied.incrementAndGet();
            } catch (ApiProblem problem) {
                job.fail(change, problem.getMessage());
            } catch (RuntimeException e) {
                job.fail(change, rootMessage(e));
            }
        }
        job.state = ImportJob.State.DONE;
        LOG.infof("Directory import %d from %s applied by %s: %d change(s), %d failed", job.id, job.server,
                actor.label(), job.applied.get(), job.failed.get());
    }

    private void applyOne(ImportChange change, String server, Actor actor) {
        String pbxServer = server.equals(servers.serverOf(null)) ? null : server;
        switch (change.kind()) {
            case NEW -> {
                UserDto created = users.create(actor, new UserDto(null, change.extension(), change.pbx().displayName(),
                        null, null, null, null, null, null, null, null, change.devices(), pbxServer, null, null, null,
                        null));
                User.<User>findById(created.id()).importedFromPbx = true;
            }
            case CHANGED -> {
                UserDto u = users.get(actor, change.userId());
                users.update(actor, u.id(), new UserDto(u.id(), u.extension(), change.pbx().displayName(), u.email(),
                        u.mobile(), u.entraObjectId(), u.primaryGroupId(), u.groupIds(), u.role(),
                        u.profilePersonal(), u.vip(), change.devices(), u.pbxServer(), u.username(), null, null, null));
                User.<User>findById(u.id()).importedFromPbx = true;
            }
            case GONE -> users.delete(actor, change.userId());
        }
    }

    /** Entra never gives PBX state: new users are portal-only, changes touch name, e-mail and Entra id only. */
    private void applyEntra(ImportChange change, Actor actor) {
        switch (change.kind()) {
            case NEW -> {
                ImportChange.EntraEntry e = change.entra();
                UserDto created = users.create(actor, new UserDto(null, null, e.displayName(), e.email(), null,
                        e.entraObjectId(), null, null, null, null, null, List.of(), null, null, null, null, null));
                User.<User>findById(created.id()).importedFromEntra = true;
            }
            case CHANGED -> {
                ImportChange.EntraEntry e = change.entra();
                UserDto u = users.get(actor, change.userId());
                String name = u.extension() != null ? u.displayName() : e.displayName();
                users.update(actor, u.id(), new UserDto(u.id(), u.extension(), name, e.email(), u.mobile(),
                        e.entraObjectId(), u.primaryGroupId(), u.groupIds(), u.role(), u.profilePersonal(), u.vip(),
                        u.devices(), u.pbxServer(), u.username(), null, null, null));
                User.<User>findById(u.id()).importedFromEntra = true;
            }
            case GONE -> users.delete(actor, change.userId());
        }
    }

    private ImportView view(ImportJob job, Paging paging) {
        Map<ImportChange.Kind, Long> counts = new EnumMap<>(ImportChange.Kind.class);
        for (ImportChange.Kind kind : ImportChange.Kind.values()) {
            counts.put(kind, job.changes.stream().filter(c -> c.kind() == kind).count());
        }
        var page = job.changes.stream().skip((long) paging.page() * paging.size()).limit(paging.size()).toList();
        ImportView.Progress progress = job.state == ImportJob.State.APPLYING || job.state == ImportJob.State.DONE
                ? new ImportView.Progress(job.changes.size(), job.applied.get() + job.failed.get(), job.applied.get(),
                        job.failed.get(),
                        java.util.List.copyOf(job.failures))
                : null;
        return new ImportView(job.id, job.source, job.server, job.state.name(), job.startedBy, job.startedAt, job.error, counts,
                job.skipped, progress, page, paging.page(), paging.size());
    }

    private ImportJob job(long id) {
        ImportJob job = jobs.get(id);
        if (job == null) {
            throw ApiProblem.notFound("directory import", id);
        }
        return job;
    }

    private void requireAdmin(Actor actor) {
        access.require(actor.role().isSystemWide(), "import the directory (system admins only)");
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
