package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HwmonAttributeNameTest {

  @ParameterizedTest
  @CsvSource(
      value = {
        "temp1_input,temp,1,input,temp1",
        "temp1_crit_alarm,temp,1,crit_alarm,temp1",
        "in0,in,0,'',in0",
        "fan12_pulses,fan,12,pulses,fan12",
        "pwm1_auto_point1_temp,pwm,1,auto_point1_temp,pwm1",
        "power1_average_interval_max,power,1,average_interval_max,power1",
        "beep_enable,beep_enable,0,'',beep_enable0",
        "update_interval,update_interval,0,'',update_interval0",
        "temp,temp,0,'',temp0",
        "temp_input,temp_input,0,'',temp_input0",
        "temp01_max,temp,1,max,temp1",
        "fan_1input,fan,0,1input,fan0",
        "name,name,0,'',name0",
        "power_state,power_state,0,'',power_state0",
      })
  void splitsLikeNodeExportersPattern(String file, String type, long index, String property, String sensor) {
    HwmonAttributeName name = HwmonAttributeName.parse(file).orElseThrow();
    assertThat(name).isEqualTo(new HwmonAttributeName(type, index, property));
    assertThat(name.sensor()).isEqualTo(sensor);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1temp", "temp1input", "temp1_", "temp99999999999999999999_input", "temp1_\nx"})
  void rejectsNamesWithoutTheHwmonShape(String file) {
    assertThat(HwmonAttributeName.parse(file)).isEqualTo(Optional.empty());
  }
}
