import { render } from "preact";
import { Popup } from "../../ui/popup/Popup.tsx";

const root = document.getElementById("app");
if (root) render(<Popup />, root);
