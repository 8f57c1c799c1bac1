// The thermostat on the host simulator: `tinyusp agent --model examples/x-acme-thermostat/simulated.ts`.
// A --model file's default export is a ModelModule (or a list of them); here the "hardware" is
// a room that drifts towards the target temperature.
import { thermostatModule } from './model.ts';

let room = 19.5;
let target = 21;
export default thermostatModule(
  () => (room += (target - room) / 10),
  (t) => { target = t; },
);
