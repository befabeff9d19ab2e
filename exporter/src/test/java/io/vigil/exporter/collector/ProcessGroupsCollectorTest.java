package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.config.ProcessGroupsConfig;
import io.vigil.exporter.source.HostPaths;
import io.vigil.exporter.source.procfs.LinuxProcessSource;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProcessGroupsCollectorTest {

  private static LinuxProcessSource fixtureSource() {
    return new LinuxProcessSource(Fixtures.procFs(), HostPaths.underRoot(Fixtures.root()), 1740300000, 100, 4096);
  }

  private static ProcessGroupsConfig.Matcher matcher(String name, List<String> comm, List<String> exe, String... re) {
    return new ProcessGroupsConfig.Matcher(name, comm, exe,
        java.util.Arrays.stream(re).map(r -> Pattern.compile(r.replace("(?P<", "(?<"))).toList());
  }

  @Test
  void groupsTheFixtureHostsProcessesWithTheirChildren() throws Exception {
    ProcessGroupsConfig config = new ProcessGroupsConfig(List.of(
        matcher("{{.Comm}}", List.of("nginx"), List.of()),
        matcher("java:{{.Matches.app}}", List.of(), List.of("java"), "-jar\\s+\\S*/(?P<app>\\w+)\\.jar"),
        matcher("{{.ExeBase}} of {{.Username}}", List.of(), List.of("/usr/sbin/sshd"))), 100, 0);
    ProcessGroupsCollector c = new ProcessGroupsCollector(fixtureSource(), config);
    // sshd (512) has the child "my prog (v2)" (1400, user deploy): counted with sshd's group;
    // java (1201) has a zombie child sh (1388): counted with java's group (Zombie state).
    assertThat(MetricsText.of(c.collect())).isEqualTo("""
        # HELP namedprocess_namegroup_context_switches_total Context switches
        # TYPE namedprocess_namegroup_context_switches_total counter
        namedprocess_namegroup_context_switches_total{ctxswitchtype="nonvoluntary",groupname="java:shop"} 311.0
        namedprocess_namegroup_context_switches_total{ctxswitchtype="nonvoluntary",groupname="nginx"} 2213.0
        namedprocess_namegroup_context_switches_total{ctxswitchtype="nonvoluntary",groupname="sshd of root"} 132.0
        namedprocess_namegroup_context_switches_total{ctxswitchtype="voluntary",groupname="java:shop"} 5233.0
        namedprocess_namegroup_context_switches_total{ctxswitchtype="voluntary",groupname="nginx"} 190380.0
        namedprocess_namegroup_context_switches_total{ctxswitchtype="voluntary",groupname="sshd of root"} 318.0
        # HELP namedprocess_namegroup_cpu_seconds_total Cpu user usage in seconds
        # TYPE namedprocess_namegroup_cpu_seconds_total counter
        namedprocess_namegroup_cpu_seconds_total{groupname="java:shop",mode="system"} 125.0
        namedprocess_namegroup_cpu_seconds_total{groupname="java:shop",mode="user"} 980.21
        namedprocess_namegroup_cpu_seconds_total{groupname="nginx",mode="system"} 24.15
        namedprocess_namegroup_cpu_seconds_total{groupname="nginx",mode="user"} 17.369999999999997
        namedprocess_namegroup_cpu_seconds_total{groupname="sshd of root",mode="system"} 0.42
        namedprocess_namegroup_cpu_seconds_total{groupname="sshd of root",mode="user"} 2.75
        # HELP namedprocess_namegroup_major_page_faults_total Major page faults
        # TYPE namedprocess_namegroup_major_page_faults_total counter
        namedprocess_namegroup_major_page_faults_total{groupname="java:shop"} 72.0
        namedprocess_namegroup_major_page_faults_total{groupname="nginx"} 3.0
        namedprocess_namegroup_major_page_faults_total{groupname="sshd of root"} 15.0
        # HELP namedprocess_namegroup_memory_bytes number of bytes of memory in use
        # TYPE namedprocess_namegroup_memory_bytes gauge
        namedprocess_namegroup_memory_bytes{groupname="java:shop",memtype="resident"} 5.36870912E8
        namedprocess_namegroup_memory_bytes{groupname="java:shop",memtype="swapped"} 2097152.0
        namedprocess_namegroup_memory_bytes{groupname="java:shop",memtype="virtual"} 4.873203712E9
        namedprocess_namegroup_memory_bytes{groupname="nginx",memtype="resident"} 1.859584E7
        namedprocess_namegroup_memory_bytes{groupname="nginx",memtype="swapped"} 0.0
        namedprocess_namegroup_memory_bytes{groupname="nginx",memtype="virtual"} 1.14704384E8
        namedprocess_namegroup_memory_bytes{groupname="sshd of root",memtype="resident"} 1.0862592E7
        namedprocess_namegroup_memory_bytes{groupname="sshd of root",memtype="swapped"} 122880.0
        namedprocess_namegroup_memory_bytes{groupname="sshd of root",memtype="virtual"} 2.4240128E7
        # HELP namedprocess_namegroup_minor_page_faults_total Minor page faults
        # TYPE namedprocess_namegroup_minor_page_faults_total counter
        namedprocess_namegroup_minor_page_faults_total{groupname="java:shop"} 301631.0
        namedprocess_namegroup_minor_page_faults_total{groupname="nginx"} 21360.0
        namedprocess_namegroup_minor_page_faults_total{groupname="sshd of root"} 1621.0
        # HELP namedprocess_namegroup_num_procs number of processes in this group
        # TYPE namedprocess_namegroup_num_procs gauge
        namedprocess_namegroup_num_procs{groupname="java:shop"} 2.0
        namedprocess_namegroup_num_procs{groupname="nginx"} 2.0
        namedprocess_namegroup_num_procs{groupname="sshd of root"} 2.0
        # HELP namedprocess_namegroup_num_threads Number of threads
        # TYPE namedprocess_namegroup_num_threads gauge
        namedprocess_namegroup_num_threads{groupname="java:shop"} 4.0
        namedprocess_namegroup_num_threads{groupname="nginx"} 2.0
        namedprocess_namegroup_num_threads{groupname="sshd of root"} 2.0
        # HELP namedprocess_namegroup_oldest_start_time_seconds start time in seconds since 1970/01/01 of oldest process in group
        # TYPE namedprocess_namegroup_oldest_start_time_seconds gauge
        namedprocess_namegroup_oldest_start_time_seconds{groupname="java:shop"} 1.740300024E9
        namedprocess_namegroup_oldest_start_time_seconds{groupname="nginx"} 1.7403000102E9
        namedprocess_namegroup_oldest_start_time_seconds{groupname="sshd of root"} 1.7403000089E9
        # HELP namedprocess_namegroup_open_filedesc number of open file descriptors for this group
        # TYPE namedprocess_namegroup_open_filedesc gauge
        namedprocess_namegroup_open_filedesc{groupname="java:shop"} 312.0
        namedprocess_namegroup_open_filedesc{groupname="nginx"} 53.0
        namedprocess_namegroup_open_filedesc{groupname="sshd of root"} 10.0
        # HELP namedprocess_namegroup_read_bytes_total number of bytes read by this group
        # TYPE namedprocess_namegroup_read_bytes_total counter
        namedprocess_namegroup_read_bytes_total{groupname="java:shop"} 8.8150016E7
        namedprocess_namegroup_read_bytes_total{groupname="nginx"} 1204224.0
        namedprocess_namegroup_read_bytes_total{groupname="sshd of root"} 2715648.0
        # HELP namedprocess_namegroup_states Number of processes in states Running, Sleeping, Waiting, Zombie, or Other
        # TYPE namedprocess_namegroup_states gauge
        namedprocess_namegroup_states{groupname="java:shop",state="Other"} 0.0
        namedprocess_namegroup_states{groupname="java:shop",state="Running"} 0.0
        namedprocess_namegroup_states{groupname="java:shop",state="Sleeping"} 1.0
        namedprocess_namegroup_states{groupname="java:shop",state="Waiting"} 0.0
        namedprocess_namegroup_states{groupname="java:shop",state="Zombie"} 1.0
        namedprocess_namegroup_states{groupname="nginx",state="Other"} 0.0
        namedprocess_namegroup_states{groupname="nginx",state="Running"} 0.0
        namedprocess_namegroup_states{groupname="nginx",state="Sleeping"} 2.0
        namedprocess_namegroup_states{groupname="nginx",state="Waiting"} 0.0
        namedprocess_namegroup_states{groupname="nginx",state="Zombie"} 0.0
        namedprocess_namegroup_states{groupname="sshd of root",state="Other"} 0.0
        namedprocess_namegroup_states{groupname="sshd of root",state="Running"} 1.0
        namedprocess_namegroup_states{groupname="sshd of root",state="Sleeping"} 1.0
        namedprocess_namegroup_states{groupname="sshd of root",state="Waiting"} 0.0
        namedprocess_namegroup_states{groupname="sshd of root",state="Zombie"} 0.0
        # HELP namedprocess_namegroup_worst_fd_ratio the worst (closest to 1) ratio between open fds and max fds among all procs in this group
        # TYPE namedprocess_namegroup_worst_fd_ratio gauge
        namedprocess_namegroup_worst_fd_ratio{groupname="java:shop"} 0.0047607421875
        namedprocess_namegroup_worst_fd_ratio{groupname="nginx"} 0.041015625
        namedprocess_namegroup_worst_fd_ratio{groupname="sshd of root"} 0.005859375
        # HELP namedprocess_namegroup_write_bytes_total number of bytes written by this group
        # TYPE namedprocess_namegroup_write_bytes_total counter
        namedprocess_namegroup_write_bytes_total{groupname="java:shop"} 4.1984E7
        namedprocess_namegroup_write_bytes_total{groupname="nginx"} 73728.0
        namedprocess_namegroup_write_bytes_total{groupname="sshd of root"} 4096.0
        # HELP vigil_process_groups_dropped Process groups not tracked in this scrape because process_groups.max_groups was reached.
        # TYPE vigil_process_groups_dropped gauge
        vigil_process_groups_dropped 0.0
        """);
  }

  @Test
  void groupsBeyondTheCapAreDroppedAndCounted() throws Exception {
    ProcessGroupsConfig config = new ProcessGroupsConfig(
        List.of(matcher("{{.Comm}}", List.of("nginx", "sshd", "java", "systemd"), List.of())), 2, 0);
    String out = MetricsText.of(new ProcessGroupsCollector(fixtureSource(), config).collect());
    assertThat(out).contains("vigil_process_groups_dropped 2.0")
        .contains("namedprocess_namegroup_num_procs{groupname=\"systemd\"} 1.0");
    // first two by PID order: systemd (1) and sshd (512); nginx and java dropped
    assertThat(out).doesNotContain("groupname=\"nginx\"").doesNotContain("groupname=\"java\"");
  }

  @Test
  void topViewNamesProcessesByMemoryWithoutPids() throws Exception {
    ProcessGroupsConfig config = new ProcessGroupsConfig(List.of(), 100, 2);
    ProcessGroupsCollector c = new ProcessGroupsCollector(fixtureSource(), config);
    String out = MetricsText.of(c.collect());
    assertThat(out).contains("""
        # HELP vigil_process_top_resident_memory_bytes Resident memory of the processes of this name (top names only).
        # TYPE vigil_process_top_resident_memory_bytes gauge
        vigil_process_top_resident_memory_bytes{name="java"} 5.36870912E8
        vigil_process_top_resident_memory_bytes{name="nginx"} 1.859584E7
        """).doesNotContain("vigil_process_top_cpu_ratio"); // needs two scrapes
    assertThat(MetricsText.of(c.collect())).contains("vigil_process_top_cpu_ratio{name=");
  }

  @Test
  void unconfiguredCollectorReadsNothing() throws Exception {
    assertThat(new ProcessGroupsCollector(null, ProcessGroupsConfig.DEFAULT).collect()).isEmpty();
  }
}
