package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One bonding master and the MII state of its slaves: {@code /sys/class/net/bonding_masters},
 * {@code /sys/class/net/<bond>/bonding/slaves} and {@code /sys/class/net/<bond>/lower_<slave>/bonding_slave/mii_status}
 * ({@code slave_<slave>} on kernels before 3.13), per Documentation/networking/bonding.rst.
 *
 * @param master the bond interface ({@code bond0})
 * @param slaves how many slaves {@code bonding/slaves} lists
 * @param active how many of them have MII status {@code up}
 */
public record NetBonding(String master, int slaves, int active) {

  /**
   * Reads every master {@code bonding_masters} lists, in that order.
   *
   * @throws NoSuchFileException when the bonding driver is not loaded ({@code bonding_masters} is absent) or a
   *     listed bond or slave has lost its files (a race with reconfiguration)
   */
  public static List<NetBonding> readAll(SysFs sys) throws IOException {
    Path net = sys.path("class", "net");
    List<NetBonding> bonds = new ArrayList<>();
    for (String master : fields(ProcFs.readText(net.resolve("bonding_masters")))) {
      List<String> slaves = fields(ProcFs.readText(net.resolve(master).resolve("bonding").resolve("slaves")));
      int active = 0;
      for (String slave : slaves) {
        if ("up".equals(miiStatus(net.resolve(master), slave))) {
          active++;
        }
      }
      bonds.add(new NetBonding(master, slaves.size(), active));
    }
    return List.copyOf(bonds);
  }

  private static String miiStatus(Path bond, String slave) throws IOException {
    Path lower = bond.resolve("lower_" + slave).resolve("bonding_slave").resolve("mii_status");
    Path file = Files.exists(lower)
        ? lower
        : bond.resolve("slave_" + slave).resolve("bonding_slave").resolve("mii_status");
    return ProcFs.readText(file).trim();
  }

  /** Go's {@code strings.Fields} for these one-line files. */
  private static List<String> fields(String text) {
    return Tokens.fields(text.replace('\n', ' '));
  }
}
