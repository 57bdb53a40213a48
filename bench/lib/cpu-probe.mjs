// Loaded with `node --import` into a quire process the bench measures: when the process exits,
// writes the CPU time it spent (user and system, whole process, start-up included) to the file
// named by QUIRE_BENCH_CPU_FILE. Nothing else about the process changes.
import { writeFileSync } from 'node:fs';

const file = process.env.QUIRE_BENCH_CPU_FILE;
if (file) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(file, JSON.stringify({ userMicros: user, systemMicros: system }));
  });
}
