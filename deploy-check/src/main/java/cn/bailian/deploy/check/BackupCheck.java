package cn.bailian.deploy.check;

import cn.bailian.deploy.Contract;
import cn.bailian.deploy.Finding;
import cn.bailian.deploy.Manifests;
import cn.bailian.deploy.crd.CnpgCluster;
import cn.bailian.deploy.crd.CnpgScheduledBackup;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every PostgreSQL cluster is backed up so that it can be restored to a point in time: WAL archived to an object
 * store (barmanObjectStore with a destination and wal settings), credentials by Secret reference, a retention
 * policy, and a ScheduledBackup of the cluster that is not suspended and takes base backups to that store.
 */
public final class BackupCheck implements Check {

    static final String NAME = "backup";

    @Override
    public List<Finding> check(Manifests manifests, Contract contract) {
        List<Finding> findings = new ArrayList<>();
        List<CnpgScheduledBackup> schedules =
                manifests.all(CnpgScheduledBackup.class).toList();
        manifests.ofKind(CnpgCluster.class).forEach(r -> {
            CnpgCluster.Backup backup = r.as(CnpgCluster.class).spec() == null
                    ? null
                    : r.as(CnpgCluster.class).spec().backup();
            CnpgCluster.BarmanObjectStore store = backup == null ? null : backup.barmanObjectStore();
            if (store == null
                    || store.destinationPath() == null
                    || store.destinationPath().isBlank()) {
                findings.add(new Finding(
                        NAME, r.id(), "no backup.barmanObjectStore.destinationPath: no WAL archive, no base backups"));
            } else {
                if (store.wal() == null) {
                    findings.add(new Finding(
                            NAME, r.id(), "no backup.barmanObjectStore.wal: the WAL archive is not configured"));
                }
                CnpgCluster.S3Credentials s3 = store.s3Credentials();
                boolean byReference = store.azureCredentials() != null
                        || store.googleCredentials() != null
                        || s3 != null
                                && (Boolean.TRUE.equals(s3.inheritFromIAMRole())
                                        || s3.accessKeyId() != null
                                                && s3.accessKeyId().getName() != null
                                                && s3.secretAccessKey() != null
                                                && s3.secretAccessKey().getName() != null);
                if (!byReference) {
                    findings.add(
                            new Finding(NAME, r.id(), "the object store's credentials are not a Secret reference"));
                }
            }
            if (backup == null
                    || backup.retentionPolicy() == null
                    || backup.retentionPolicy().isBlank()) {
                findings.add(new Finding(
                        NAME, r.id(), "no backup.retentionPolicy: backups are never pruned, or pruned by hand"));
            }
            boolean scheduled = schedules.stream()
                    .anyMatch(s -> s.spec() != null
                            && s.spec().cluster() != null
                            && Objects.equals(s.spec().cluster().getName(), r.name())
                            && !Boolean.TRUE.equals(s.spec().suspend())
                            && s.spec().schedule() != null
                            && !s.spec().schedule().isBlank()
                            && (s.spec().method() == null
                                    || "barmanObjectStore".equals(s.spec().method())));
            if (!scheduled) {
                findings.add(
                        new Finding(NAME, r.id(), "no ScheduledBackup of this cluster (active, to the object store)"));
            }
        });
        return findings;
    }
}
