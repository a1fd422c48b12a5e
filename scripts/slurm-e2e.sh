#!/usr/bin/env bash
# End to end on a real Slurm: installs Debian's slurm-wlm and munge if needed, starts a single-node Slurm
# (slurmctld + slurmd, this machine as the only node) with its own config and state under a temp dir, submits
# transport/deploy/slurm/wb-cluster.sbatch with a small distributed run, and checks that the run went through the
# peer Slurm started. Needs root. Usage: scripts/slurm-e2e.sh [WB]  (default: the Debug build of wb in this repo).
set -euo pipefail
cd "$(dirname "$0")/.."
WB=${1:-"dotnet $PWD/host/Workbench.Cli/bin/Debug/net10.0/wb.dll"}

if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi

WORK=$(mktemp -d /tmp/wb-slurm-XXXX)
HOST=$(hostname)
cleanup() {
  [ -f "$WORK/slurmd.pid" ] && kill "$(cat "$WORK/slurmd.pid")" 2>/dev/null || true
  [ -f "$WORK/slurmctld.pid" ] && kill "$(cat "$WORK/slurmctld.pid")" 2>/dev/null || true
  [ -f "$WORK/munged.pid" ] && kill "$(cat "$WORK/munged.pid")" 2>/dev/null || true
  sleep 1
  rm -rf "$WORK"
}
trap cleanup EXIT

# munge: its own key, socket and state, so nothing of the machine's is touched.
mkdir -p "$WORK/munge" && chmod 700 "$WORK/munge"
dd if=/dev/urandom of="$WORK/munge/munge.key" bs=1024 count=1 status=none && chmod 400 "$WORK/munge/munge.key"
munged --key-file="$WORK/munge/munge.key" --socket="$WORK/munge/munge.socket" --pid-file="$WORK/munged.pid" \
  --log-file="$WORK/munge/munged.log" --seed-file="$WORK/munge/munged.seed" --force
export MUNGE_SOCKET="$WORK/munge/munge.socket"

mkdir -p "$WORK/state" "$WORK/spool"
cat > "$WORK/slurm.conf" <<CONF
ClusterName=workbench-e2e
SlurmctldHost=$HOST
AuthType=auth/munge
AuthInfo=socket=$WORK/munge/munge.socket
CredType=cred/munge
SlurmUser=root
SlurmctldPidFile=$WORK/slurmctld.pid
SlurmdPidFile=$WORK/slurmd.pid
SlurmctldPort=16817
SlurmdPort=16818
StateSaveLocation=$WORK/state
SlurmdSpoolDir=$WORK/spool
SlurmctldLogFile=$WORK/slurmctld.log
SlurmdLogFile=$WORK/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MpiDefault=none
NodeName=$HOST CPUs=$(nproc) State=UNKNOWN
PartitionName=e2e Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$WORK/slurm.conf"
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
for _ in $(seq 30); do
  sinfo -h -o %T 2>/dev/null | grep -qE 'idle|mixed' && break
  sleep 1
done
sinfo

KEY="$WORK/cluster.key"
$WB key new --key-file "$KEY" >/dev/null
started=$(date +%s)
JOB=$(WB="$WB" WORKBENCH_KEY_FILE="$KEY" WORKBENCH_DB="$WORK/runs.db" \
  sbatch --parsable --nodes=1 --cpus-per-task="$(nproc)" --chdir="$WORK" --output="$WORK/job.out" \
  transport/deploy/slurm/wb-cluster.sbatch run -a pso -p rosenbrock -d 5 --seed 3 --max-evals 4000 --no-local --json)
echo "submitted job $JOB"
for _ in $(seq 300); do
  state=$(scontrol show job "$JOB" 2>/dev/null | grep -oE 'JobState=[A-Z]+' | cut -d= -f2)
  case "$state" in COMPLETED|FAILED|CANCELLED|TIMEOUT|NODE_FAIL) break ;; esac
  sleep 1
done
echo "job $JOB ended $state after $(( $(date +%s) - started )) s"
cat "$WORK/job.out"
[ "$state" = COMPLETED ] || { echo "slurm-e2e: job did not complete"; tail -20 "$WORK/slurmd.log"; exit 1; }
grep -q '"evaluator": "peers"' "$WORK/job.out" || { echo "slurm-e2e: the run did not use the peers"; exit 1; }
grep -q "\"name\": \"$HOST\"" "$WORK/job.out" || { echo "slurm-e2e: the peer on $HOST took no work"; exit 1; }
echo "slurm-e2e: passed"
