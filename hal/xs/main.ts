// The XS runner's script entry (firmware/xs-host runs a script bundle): starts the esp32 board
// (boards/esp32/main.ts) as its firmware would.
import { start } from '../../boards/esp32/main.ts';

start();
