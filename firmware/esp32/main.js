// The Moddable entry of the esp32 firmware (firmware/esp32/manifest.json). The agent itself is
// the board bundle build/boards/esp32/main.js (npm run build:xs builds it; renamed to the module
// "tinyusp-esp32" when copied next to this file, see README.md), preloaded with it.
// installHost() builds the frozen global __tinyusp_host from the C host modules (esp32-host.c),
// the same object the Linux runner builds (firmware/xs-host/xs-host.c), so hal/xs serves both.
import { start } from "tinyusp-esp32";

function installHost() @ "xs_tinyusp_install_host";

export default function () {
	installHost();
	start();
}
