// `node watchdog.js <ownerPid> <groupPid>`: kills process group <groupPid> once <ownerPid> is gone.
// A runner killed with SIGKILL, or crashing where no 'exit' handler runs (an error thrown inside
// mocha's uncaughtException handler is one), would otherwise leave a detached VS Code server behind.
const [owner, group] = process.argv.slice(2).map(Number);

/** A negative pid asks about a whole process group. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

if (owner && group) {
  const timer = setInterval(() => {
    if (!alive(-group)) {
      clearInterval(timer); // no member of the group is left: it was stopped normally
    } else if (!alive(owner)) {
      try {
        process.kill(-group, "SIGKILL");
      } catch {}
      clearInterval(timer);
    }
  }, 1_000);
}
