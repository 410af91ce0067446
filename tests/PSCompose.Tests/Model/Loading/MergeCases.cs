using System.Collections.Generic;

namespace PSCompose.Tests.Model.Loading
{
    /// <summary>
    /// compose-go override/merge_*_test.go and uncity_test.go cases (assertMergeYaml: merge, then uniqueness),
    /// transcribed. Where compose-go's newer tests disagree with Compose 2.40.3, the expectation follows the
    /// reference binary (`docker compose -f a -f b config`) and the case says so.
    /// </summary>
    internal static class MergeCases
    {
        public sealed class Case
        {
            public string Name, Base, Override, Want;
            public override string ToString() => Name;
        }

        private static Case C(string name, string b, string o, string w) => new Case { Name = name, Base = b, Override = o, Want = w };

        public static readonly List<Case> All = new List<Case>
        {
            C("mergeOverrides", """
services:
  test:
    image: foo
    scale: 1
""", """
services:
  test:
    image: bar
    scale: 2
""", """
services:
  test:
    image: bar
    scale: 2
"""),
            C("BuildSequence", """
services:
  test:
    build:
      context: .
      args:
        - FOO=BAR
      additional_contexts:
        - resources=/path/to/resources
        - app=docker-image://my-app:latest
      platform:
        - linux/amd64
      tags:
        - "myimage:mytag"
      extra_hosts:
        - "somehost=162.242.195.82"
        - "otherhost=50.31.209.229"
""", """
services:
  test:
    build:
      context: .
      args:
        - GIT_COMMIT=cdc3b19
        - EMPTY=
        - NIL
      additional_contexts:
        - source=https://github.com/myuser/project.git
      platform:
        - "linux/arm64"
        - "linux/amd64"
        - "unsupported/unsupported"
      tags:
        - "myimage:mytag"
        - "registry/username/myrepos:my-other-tag"
      extra_hosts:
        - "otherhost=50.31.209.230"
        - "myhostv6=::1"
""", """
services:
  test:
    build:
      context: .
      args:
        - FOO=BAR
        - GIT_COMMIT=cdc3b19
        - EMPTY=
        - NIL
      additional_contexts:
        - resources=/path/to/resources
        - app=docker-image://my-app:latest
        - source=https://github.com/myuser/project.git
      platform:
        - "linux/amd64"
        - "linux/arm64"
        - "unsupported/unsupported"
      tags:
        - "myimage:mytag"
        - "registry/username/myrepos:my-other-tag"
      extra_hosts:
        - "somehost=162.242.195.82"
        - "otherhost=50.31.209.229"
        - "otherhost=50.31.209.230"
        - "myhostv6=::1"
"""),
            C("ArgsMapping", """
services:
  test:
    build:
      context: .
      args:
        FOO: BAR
      additional_contexts:
        source: https://github.com/myuser/project.git
""", """
services:
  test:
    build:
      context: .
      args:
        EMPTY: ""
        NIL: null
        QIX: ZOT
      additional_contexts:
        app: docker-image://my-app:latest
        resources: /path/to/resources
""", """
services:
  test:
    build:
      context: .
      args:
       - FOO=BAR
       - EMPTY=
       - NIL
       - QIX=ZOT
      additional_contexts:
        - source=https://github.com/myuser/project.git
        - app=docker-image://my-app:latest
        - resources=/path/to/resources
"""),
            C("ArgsMixed", """
services:
  test:
    build:
      context: .
      args:
        FOO: BAR
      additional_contexts:
        - resources=/path/to/resources
        - app=docker-image://my-app:latest
      platform: linux/amd64
      tags:
        - "myimage:mytag"
""", """
services:
  test:
    build:
      args:
        - QIX=ZOT
      additional_contexts:
        app: docker-image://new-app:latest
        source: https://github.com/myuser/project.git
      tags:
        - "registry/username/myrepos:my-other-tag"
""", """
services:
  test:
    build:
      context: .
      args:
        - FOO=BAR
        - QIX=ZOT
      additional_contexts:
        - resources=/path/to/resources
        - app=docker-image://new-app:latest
        - source=https://github.com/myuser/project.git
      platform: linux/amd64
      tags:
        - "myimage:mytag"
        - "registry/username/myrepos:my-other-tag"
"""),
            C("ArgsNumber", """
services:
  test:
    build:
      context: .
      args:
        FOO: 1
""", """
services:
  test:
    build:
      context: .
      args:
        FOO: 3
""", """
services:
  test:
    build:
      context: .
      args:
       - FOO=3
"""),
            C("BuildStringOverMapping", """
services:
  test:
    build:
      context: .
      dockerfile: Dockerfile.dev
""", """
services:
  test:
    build: ./other
""", """
services:
  test:
    build:
      context: ./other
      dockerfile: Dockerfile.dev
"""),
            C("EnvironmentSequence", """
services:
  test:
    image: foo
    environment:
      - FOO=BAR
""", """
services:
  test:
    environment:
      - QIX=ZOT
      - EMPTY=
      - NIL
""", """
services:
  test:
    image: foo
    environment:
      - FOO=BAR
      - QIX=ZOT
      - EMPTY=
      - NIL
"""),
            C("EnvironmentMapping", """
services:
  test:
    image: foo
    environment:
      FOO: BAR
""", """
services:
  test:
    environment:
      EMPTY: ""
      NIL: null
      QIX: ZOT
""", """
services:
  test:
    image: foo
    environment:
      - FOO=BAR
      - EMPTY=
      - NIL
      - QIX=ZOT
"""),
            C("EnvironmentMixed", """
services:
  test:
    image: foo
    environment:
      FOO: BAR
""", """
services:
  test:
    environment:
      - QIX=ZOT
""", """
services:
  test:
    image: foo
    environment:
      - FOO=BAR
      - QIX=ZOT
"""),
            C("EnvironmentOverrideSameKey", """
services:
  test:
    environment:
      FOO: BAR
      ZOT: "1"
""", """
services:
  test:
    environment:
      FOO: BAZ
""", """
services:
  test:
    environment:
      - FOO=BAZ
      - ZOT=1
"""),
            C("NetworkSequence", """
services:
  test:
    image: foo
    networks:
      - front-network
      - back-network
""", """
services:
  test:
    networks:
      - front-network
""", """
services:
  test:
    image: foo
    networks:
      front-network:
      back-network:
"""),
            C("NetworksMapping", """
services:
  test:
    image: foo
    networks:
      network1:
        aliases:
          - alias1
          - alias2
        link_local_ips:
          - 57.123.22.11
          - 57.123.22.13
      network2:
        aliases:
          - alias1
          - alias3
""", """
services:
  test:
    networks:
      network1:
        aliases:
          - alias3
          - alias1
        link_local_ips:
          - 57.123.22.12
          - 57.123.22.13
""", """
services:
  test:
    image: foo
    networks:
      network1:
        aliases:
          - alias1
          - alias2
          - alias3
        link_local_ips:
          - 57.123.22.11
          - 57.123.22.13
          - 57.123.22.12
      network2:
        aliases:
          - alias1
          - alias3
"""),
            C("NetworksMixed", """
services:
  test:
    image: foo
    networks:
      - front-network
      - back-network
      - network1
""", """
services:
  test:
    image: foo
    networks:
      network1:
        aliases:
          - alias1
          - alias2
        link_local_ips:
          - 57.123.22.11
          - 57.123.22.13
      network2:
        aliases:
          - alias1
          - alias3
""", """
services:
  test:
    image: foo
    networks:
      front-network:
      back-network:
      network1:
        aliases:
          - alias1
          - alias2
        link_local_ips:
          - 57.123.22.11
          - 57.123.22.13
      network2:
        aliases:
          - alias1
          - alias3
"""),
            // Compose 2.40.3 replaces each ulimit (compose-go v2.9 mergeUlimit merged the override with itself);
            // verified: `nofile: {soft: 3}` over `{soft: 1, hard: 2}` fails validation for the missing hard limit.
            C("Ulimits (2.40.3: replaced)", """
services:
  test:
    image: foo
    ulimits:
      nofile:
          soft: 20000
          hard: 40000
      nproc: 65535
      locks:
          soft: 20000
          hard: 40000
""", """
services:
  test:
    image: foo
    ulimits:
      nofile:
          soft: 10000
          hard: 40000
      nproc:
          soft: 65535
      locks:
          hard: 65535
""", """
services:
  test:
    image: foo
    ulimits:
      nofile:
          soft: 10000
          hard: 40000
      nproc:
          soft: 65535
      locks:
          hard: 65535
"""),
            C("LoggingSameDriver", """
services:
  test:
    image: foo
    logging:
      driver: syslog
      options:
        syslog-address: "tcp://192.168.0.42:123"
""", """
services:
  test:
    logging:
      driver: syslog
      options:
        syslog-address: "tcp://127.0.0.1:123"
""", """
services:
  test:
    image: foo
    logging:
      driver: syslog
      options:
        syslog-address: "tcp://127.0.0.1:123"
"""),
            C("LoggingDistinctDriver", """
services:
  test:
    image: foo
    logging:
      driver: local
      options:
        max-size: "10m"
""", """
services:
  test:
    logging:
      driver: syslog
      options:
        syslog-address: "tcp://127.0.0.1:123"
""", """
services:
  test:
    image: foo
    logging:
      driver: syslog
      options:
        syslog-address: "tcp://127.0.0.1:123"
"""),
            C("LoggingImplicitDriver", """
services:
  test:
    image: foo
    logging:
      options:
        max-size: "10m"
""", """
services:
  test:
    logging:
      options:
        max-file: 3
""", """
services:
  test:
    image: foo
    logging:
      options:
        max-size: "10m"
        max-file: 3
"""),
            C("ExtraHostsSequence", """
services:
  test:
    image: foo
    extra_hosts:
      - example.com=1.2.3.4
""", """
services:
  test:
    extra_hosts:
      - localhost=127.0.0.1
""", """
services:
  test:
    image: foo
    extra_hosts:
      - example.com=1.2.3.4
      - localhost=127.0.0.1
"""),
            C("ExtraHostsMapping", """
services:
  test:
    image: foo
    extra_hosts:
      "example.com": "1.2.3.4"
""", """
services:
  test:
    extra_hosts:
      "localhost": "127.0.0.1"
""", """
services:
  test:
    image: foo
    extra_hosts:
      - example.com=1.2.3.4
      - localhost=127.0.0.1
"""),
            C("ExtraHostsMixed (duplicate dropped)", """
services:
  test:
    image: foo
    extra_hosts:
      "example.com": "1.2.3.4"
""", """
services:
  test:
    extra_hosts:
      - localhost=127.0.0.1
      - example.com=1.2.3.4
""", """
services:
  test:
    image: foo
    extra_hosts:
      - example.com=1.2.3.4
      - localhost=127.0.0.1
"""),
            C("Volumes", """
services:
  test:
    image: foo
    volumes:
     - a:/a
     - type: bind
       source: ./b
       target: /b
""", """
services:
  test:
    volumes:
      - c:/c
""", """
services:
  test:
    image: foo
    volumes:
      - a:/a
      - type: bind
        source: ./b
        target: /b
      - c:/c
"""),
            // A one-letter source reads as a Windows drive (a:/a is one path), so these use longer names.
            C("VolumesSameTarget", """
services:
  test:
    volumes:
     - aa:/a
     - bb:/b
""", """
services:
  test:
    volumes:
      - type: volume
        source: cc
        target: /a
""", """
services:
  test:
    volumes:
      - type: volume
        source: cc
        target: /a
      - bb:/b
"""),
            C("EnvFilesSequence", """
services:
  test:
    image: foo
    env_file:
      - foo.env
""", """
services:
  test:
    env_file:
      - bar.env
      - baz.env
""", """
services:
  test:
    image: foo
    env_file:
      - foo.env
      - bar.env
      - baz.env
"""),
            C("EnvFilesString", """
services:
  test:
    image: foo
    env_file: foo.env
""", """
services:
  test:
    env_file: bar.env
""", """
services:
  test:
    image: foo
    env_file:
      - foo.env
      - bar.env
"""),
            C("EnvFilesSequenceThenString", """
services:
  test:
    env_file: foo.env
""", """
services:
  test:
    env_file:
      - bar.env
      - foo.env
""", """
services:
  test:
    env_file:
      - foo.env
      - bar.env
"""),
            C("EnvFilesStringThenSequence", """
services:
  test:
    env_file:
      - bar.env
      - foo.env
""", """
services:
  test:
    env_file: foo.env
""", """
services:
  test:
    env_file:
      - bar.env
      - foo.env
"""),
            C("EnvFilesUnicityStringAndMapping", """
services:
  test:
    env_file:
      - bar.env
      - foo.env
""", """
services:
  test:
    env_file:
      - path: foo.env
        required: true
""", """
services:
  test:
    env_file:
      - bar.env
      - path: foo.env
        required: true
"""),
            C("LabelsSequence", """
services:
  test:
    image: foo
    labels:
      - FOO=BAR
""", """
services:
  test:
    labels:
      - QIX=ZOT
      - EMPTY=
      - NIL
""", """
services:
  test:
    image: foo
    labels:
      - FOO=BAR
      - QIX=ZOT
      - EMPTY=
      - NIL
"""),
            C("LabelsMapping", """
services:
  test:
    image: foo
    labels:
      FOO: BAR
""", """
services:
  test:
    labels:
      EMPTY: ""
      NIL: null
      QIX: ZOT
""", """
services:
  test:
    image: foo
    labels:
      - FOO=BAR
      - EMPTY=
      - NIL
      - QIX=ZOT
"""),
            C("LabelsMixed", """
services:
  test:
    image: foo
    labels:
      FOO: BAR
""", """
services:
  test:
    labels:
      - QIX=ZOT
""", """
services:
  test:
    image: foo
    labels:
      - FOO=BAR
      - QIX=ZOT
"""),
            C("LabelsNumber", """
services:
  test:
    labels:
      FOO: 1
""", """
services:
  test:
    labels:
      FOO: 3
""", """
services:
  test:
    labels:
      - FOO=3
"""),
            C("DeployLabelsSequence", """
services:
  test:
    image: foo
    deploy:
      labels:
        - FOO=BAR
""", """
services:
  test:
    deploy:
      labels:
        - QIX=ZOT
        - EMPTY=
        - NIL
""", """
services:
  test:
    image: foo
    deploy:
      labels:
        - FOO=BAR
        - QIX=ZOT
        - EMPTY=
        - NIL
"""),
            C("DeployLabelsMapping", """
services:
  test:
    image: foo
    deploy:
      labels:
        FOO: BAR
""", """
services:
  test:
    deploy:
      labels:
        EMPTY: ""
        NIL: null
        QIX: ZOT
""", """
services:
  test:
    image: foo
    deploy:
      labels:
        - FOO=BAR
        - EMPTY=
        - NIL
        - QIX=ZOT
"""),
            C("DeployLabelsMixed", """
services:
  test:
    image: foo
    deploy:
      labels:
        FOO: BAR
""", """
services:
  test:
    deploy:
      labels:
        - QIX=ZOT
""", """
services:
  test:
    image: foo
    deploy:
      labels:
        - FOO=BAR
        - QIX=ZOT
"""),
            C("DeployLabelsNumber", """
services:
  test:
    deploy:
      labels:
        FOO: 1
""", """
services:
  test:
    deploy:
      labels:
        FOO: 3
""", """
services:
  test:
    deploy:
      labels:
        - FOO=3
"""),
            C("BuildLabelsSequence", """
services:
  test:
    image: foo
    build:
      labels:
        - FOO=BAR
""", """
services:
  test:
    build:
      labels:
        - QIX=ZOT
        - EMPTY=
        - NIL
""", """
services:
  test:
    image: foo
    build:
      labels:
        - FOO=BAR
        - QIX=ZOT
        - EMPTY=
        - NIL
"""),
            C("BuildLabelsMapping", """
services:
  test:
    image: foo
    build:
      labels:
        FOO: BAR
""", """
services:
  test:
    build:
      labels:
        EMPTY: ""
        NIL: null
        QIX: ZOT
""", """
services:
  test:
    image: foo
    build:
      labels:
        - FOO=BAR
        - EMPTY=
        - NIL
        - QIX=ZOT
"""),
            C("BuildLabelsMixed", """
services:
  test:
    image: foo
    build:
      labels:
        FOO: BAR
""", """
services:
  test:
    build:
      labels:
        - QIX=ZOT
""", """
services:
  test:
    image: foo
    build:
      labels:
        - FOO=BAR
        - QIX=ZOT
"""),
            C("BuildLabelsNumber", """
services:
  test:
    build:
      labels:
        FOO: 1
""", """
services:
  test:
    build:
      labels:
        FOO: 3
""", """
services:
  test:
    build:
      labels:
        - FOO=3
"""),
            C("AnnotationsSequence", """
services:
  test:
    image: foo
    annotations:
      - FOO=BAR
""", """
services:
  test:
    annotations:
      - QIX=ZOT
      - EMPTY=
      - NIL
""", """
services:
  test:
    image: foo
    annotations:
      - FOO=BAR
      - QIX=ZOT
      - EMPTY=
      - NIL
"""),
            C("AnnotationsMapping", """
services:
  test:
    image: foo
    annotations:
      FOO: BAR
""", """
services:
  test:
    annotations:
      EMPTY: ""
      NIL: null
      QIX: ZOT
""", """
services:
  test:
    image: foo
    annotations:
      - FOO=BAR
      - EMPTY=
      - NIL
      - QIX=ZOT
"""),
            C("AnnotationsMixed", """
services:
  test:
    image: foo
    annotations:
      FOO: BAR
""", """
services:
  test:
    annotations:
      - QIX=ZOT
""", """
services:
  test:
    image: foo
    annotations:
      - FOO=BAR
      - QIX=ZOT
"""),
            C("AnnotationsNumbers", """
services:
  test:
    annotations:
      FOO: 1
""", """
services:
  test:
    annotations:
      FOO: 3
""", """
services:
  test:
    annotations:
      - FOO=3
"""),
            C("CapSequence", """
services:
  test:
    image: foo
    cap_add:
      - CAP_BPF
      - CAP_CHOWN
    cap_drop:
      - NET_ADMIN
      - SYS_ADMIN
""", """
services:
  test:
    cap_add:
      - CAP_KILL
      - CAP_CHOWN
    cap_drop:
      - NET_ADMIN
      - CAP_FOWNER
""", """
services:
  test:
    image: foo
    cap_add:
      - CAP_BPF
      - CAP_CHOWN
      - CAP_KILL
    cap_drop:
      - NET_ADMIN
      - SYS_ADMIN
      - CAP_FOWNER
"""),
            C("Devices", """
services:
  test:
    image: foo
    devices:
      - '/dev/sda:/dev/sda'
      - '/dev/sdb:/dev/sdb'
""", """
services:
  test:
    devices:
      - '/dev/sde:/dev/sde'
      - '/dev/sdf:/dev/sdf'
""", """
services:
  test:
    image: foo
    devices:
      - '/dev/sda:/dev/sda'
      - '/dev/sdb:/dev/sdb'
      - '/dev/sde:/dev/sde'
      - '/dev/sdf:/dev/sdf'
"""),
            C("DevicesOverride", """
services:
  test:
    image: foo
    devices:
      - '/dev/sda:/dev/sda'
      - '/dev/sdb:/dev/sdb'
      - '/dev/sdc:/dev/sdc'
      - '/dev/sdd:/dev/sdd'
""", """
services:
  test:
    devices:
      - '/dev/nvme0n1p1:/dev/sda'
      - '/dev/nvme1n1p1:/dev/sdb'
      - '/dev/nvme2n1p1:/dev/sdc'
""", """
services:
  test:
    image: foo
    devices:
      - '/dev/nvme0n1p1:/dev/sda'
      - '/dev/nvme1n1p1:/dev/sdb'
      - '/dev/nvme2n1p1:/dev/sdc'
      - '/dev/sdd:/dev/sdd'
"""),
            C("DNSSequence", """
services:
  test:
    image: foo
    dns:
      - 8.8.8.8
    dns_opt:
      - use-vc
    dns_search:
      - dc1.example.com
""", """
services:
  test:
    dns:
      - 9.9.9.9
    dns_opt:
      - no-tld-query
    dns_search:
      - dc2.example.com
""", """
services:
  test:
    image: foo
    dns:
      - 8.8.8.8
      - 9.9.9.9
    dns_opt:
      - use-vc
      - no-tld-query
    dns_search:
      - dc1.example.com
      - dc2.example.com
"""),
            C("DNSMixed", """
services:
  test:
    image: foo
    dns:
      - 8.8.8.8
      - 10.10.10.10
      - 9.9.9.9
    dns_opt:
      - use-vc
      - no-tld-query
    dns_search:
      - dc1.example.com
      - dc2.example.com
""", """
services:
  test:
    dns: 9.9.9.9
    dns_opt:
      - no-tld-query
    dns_search: dc2.example.com
""", """
services:
  test:
    image: foo
    dns:
      - 8.8.8.8
      - 10.10.10.10
      - 9.9.9.9
    dns_opt:
      - use-vc
      - no-tld-query
    dns_search:
      - dc1.example.com
      - dc2.example.com
"""),
            C("TmpfsSequence", """
services:
  test:
    image: foo
    tmpfs:
      - /foo
""", """
services:
  test:
    tmpfs:
      - /bar
      - /baz
""", """
services:
  test:
    image: foo
    tmpfs:
      - /foo
      - /bar
      - /baz
"""),
            C("TmpfsString", """
services:
  test:
    image: foo
    tmpfs: /foo
""", """
services:
  test:
    tmpfs: /bar
""", """
services:
  test:
    image: foo
    tmpfs:
      - /foo
      - /bar
"""),
            // compose-go's test names `annotations` in the expectation by mistake; tmpfs is what merges (verified).
            C("TmpfsSequenceThenString", """
services:
  test:
    image: foo
    tmpfs: /foo
""", """
services:
  test:
    tmpfs:
      - /bar
""", """
services:
  test:
    image: foo
    tmpfs:
      - /foo
      - /bar
"""),
            C("SysctlsSequence", """
services:
  test:
    image: foo
    sysctls:
      - net.ipv6.conf.all.disable_ipv6=1
""", """
services:
  test:
    sysctls:
      - net.ipv4.tcp_keepalive_time=300
""", """
services:
  test:
    image: foo
    sysctls:
      - net.ipv6.conf.all.disable_ipv6=1
      - net.ipv4.tcp_keepalive_time=300
"""),
            C("SysctlsMapping", """
services:
  test:
    image: foo
    sysctls:
      "net.ipv6.conf.all.disable_ipv6": 1
""", """
services:
  test:
    sysctls:
      "net.ipv4.tcp_keepalive_time": "300"
""", """
services:
  test:
    image: foo
    sysctls:
      - net.ipv6.conf.all.disable_ipv6=1
      - net.ipv4.tcp_keepalive_time=300
"""),
            C("SysctlsMixed", """
services:
  test:
    image: foo
    sysctls:
      "net.ipv6.conf.all.disable_ipv6": 1
""", """
services:
  test:
    sysctls:
      - net.ipv4.tcp_keepalive_time=300
""", """
services:
  test:
    image: foo
    sysctls:
      - net.ipv6.conf.all.disable_ipv6=1
      - net.ipv4.tcp_keepalive_time=300
"""),
            C("SysctlsNumbers", """
services:
  test:
    sysctls:
      "net.ipv4.tcp_keepalive_time": 1
""", """
services:
  test:
    sysctls:
      "net.ipv4.tcp_keepalive_time": 3
""", """
services:
  test:
    sysctls:
      - net.ipv4.tcp_keepalive_time=3
"""),
            C("ServiceMount (secrets)", """
services:
  test:
    image: foo
    secrets:
      - foo
      - bar
      - zot
""", """
services:
  test:
    image: foo
    secrets:
      - source: zot
        target: /run/secrets/foo
""", """
services:
  test:
    image: foo
    secrets:
      - source: zot
        target: /run/secrets/foo
      - bar
      - zot
"""),
            C("Links", """
services:
  test:
    image: foo
    links:
      - service1
      - service2
""", """
services:
  test:
    links:
      - service2=alias1
""", """
services:
  test:
    image: foo
    links:
      - service1
      - service2=alias1
"""),
            C("ProfilesUnicity", """
services:
  test:
    image: foo
    profiles:
      - profile1
      - profile2
""", """
services:
  test:
    profiles:
      - profile2
      - profile3
""", """
services:
  test:
    image: foo
    profiles:
      - profile1
      - profile2
      - profile3
"""),
            C("MemLimitStringThenInt", """
services:
  test:
    mem_limit: 1
""", """
services:
  test:
    mem_limit: '256m'
""", """
services:
  test:
    mem_limit: 256m
"""),
            C("MemLimitIntThenString", """
services:
  test:
    mem_limit: '256m'
""", """
services:
  test:
    mem_limit: 1
""", """
services:
  test:
    mem_limit: 1
"""),
            // Compose 2.40.3 merges service `models` by key, like networks (verified with the reference binary).
            C("ServiceModelsShortSyntax (2.40.3: keyed)", """
services:
  test:
    image: foo
    models:
      - llm
      - embedding-model
""", """
services:
  test:
    models:
      - vision-model
""", """
services:
  test:
    image: foo
    models:
      llm:
      embedding-model:
      vision-model:
"""),
            C("ServiceModelsLongSyntax", """
services:
  test:
    image: foo
    models:
      llm:
        endpoint_var: AI_MODEL_URL
        model_var: AI_MODEL_NAME
""", """
services:
  test:
    models:
      embedding-model:
        endpoint_var: EMBEDDING_URL
        model_var: EMBEDDING_MODEL
""", """
services:
  test:
    image: foo
    models:
      llm:
        endpoint_var: AI_MODEL_URL
        model_var: AI_MODEL_NAME
      embedding-model:
        endpoint_var: EMBEDDING_URL
        model_var: EMBEDDING_MODEL
"""),
            C("ServiceModelsMixed", """
services:
  test:
    image: foo
    models:
      - llm
      - embedding-model
""", """
services:
  test:
    models:
      vision-model:
        endpoint_var: VISION_URL
        model_var: VISION_MODEL
""", """
services:
  test:
    image: foo
    models:
      llm:
      embedding-model:
      vision-model:
        endpoint_var: VISION_URL
        model_var: VISION_MODEL
"""),
            C("ServiceModelsOverride", """
services:
  test:
    image: foo
    models:
      llm:
        endpoint_var: OLD_MODEL_URL
        model_var: OLD_MODEL_NAME
""", """
services:
  test:
    models:
      llm:
        endpoint_var: NEW_MODEL_URL
        model_var: NEW_MODEL_NAME
""", """
services:
  test:
    image: foo
    models:
      llm:
        endpoint_var: NEW_MODEL_URL
        model_var: NEW_MODEL_NAME
"""),
            C("TopLevelModels", """
services:
  test:
    image: foo
models:
  llm:
    model: ai/smollm2
    context_size: 2048
    runtime_flags:
      - "--gpu"
""", """
services:
  test:
    image: foo
models:
  embedding-model:
    model: ai/all-minilm
    context_size: 512
    runtime_flags:
      - "--cpu"
""", """
services:
  test:
    image: foo
models:
  llm:
    model: ai/smollm2
    context_size: 2048
    runtime_flags:
      - "--gpu"
  embedding-model:
    model: ai/all-minilm
    context_size: 512
    runtime_flags:
      - "--cpu"
"""),
            // runtime_flags is a plain sequence in 2.40.3: appended (verified with the reference binary).
            C("ModelsRuntimeFlags (2.40.3: appended)", """
models:
  llm:
    model: ai/smollm2
    runtime_flags:
      - "--gpu"
      - "--batch-size=32"
""", """
models:
  llm:
    model: ai/smollm2
    runtime_flags:
      - "--fp16"
      - "--batch-size=64"
""", """
models:
  llm:
    model: ai/smollm2
    runtime_flags:
      - "--gpu"
      - "--batch-size=32"
      - "--fp16"
      - "--batch-size=64"
"""),
            C("ModelsMultipleServices", """
services:
  go-genai:
    models:
      - llm
models:
  llm:
    model: ai/smollm2
    context_size: 2048
""", """
services:
  node-genai:
    models:
      - llm
models:
  llm:
    model: ai/smollm2
    context_size: 2048
""", """
services:
  go-genai:
    models:
      - llm
  node-genai:
    models:
      - llm
models:
  llm:
    model: ai/smollm2
    context_size: 2048
"""),
            C("NullOverrideOfNetworks", """
services:
  test:
    image: foo
    networks: [runtime]
""", """
services:
  test:
    networks: null
""", """
services:
  test:
    image: foo
    networks:
      runtime: null
"""),
            C("NullOverrideOfDependsOn", """
services:
  test:
    image: foo
    depends_on: [runtime]
""", """
services:
  test:
    depends_on: null
""", """
services:
  test:
    image: foo
    depends_on:
      runtime: {condition: service_started, required: true}
"""),
            C("NullBaseOfNetworks", """
services:
  test:
    image: foo
    networks: null
""", """
services:
  test:
    networks: [runtime]
""", """
services:
  test:
    image: foo
    networks:
      runtime: null
"""),
            C("NullBaseOfDependsOn", """
services:
  test:
    image: foo
    depends_on: null
""", """
services:
  test:
    depends_on: [runtime]
""", """
services:
  test:
    image: foo
    depends_on:
      runtime: {condition: service_started, required: true}
"""),
            C("DependsOnListOverMapping", """
services:
  test:
    depends_on:
      db:
        condition: service_healthy
""", """
services:
  test:
    depends_on: [db, cache]
""", """
services:
  test:
    depends_on:
      db: {condition: service_started, required: true}
      cache: {condition: service_started, required: true}
"""),
            C("KeyValueLastEntryWins (environment)", """
services:
  test:
    image: foo
    environment:
      - MODE=release
""", """
services:
  test:
    environment:
      - MODE=debug
      - MODE=release
""", """
services:
  test:
    image: foo
    environment:
      - MODE=release
"""),
            C("KeyValueLastEntryWins (build args)", """
services:
  test:
    image: foo
    build:
      args:
        - MODE=release
""", """
services:
  test:
    build:
      args:
        - MODE=debug
        - MODE=release
""", """
services:
  test:
    image: foo
    build:
      args:
        - MODE=release
"""),
            C("CommandReplaced", """
services:
  test:
    command: [a, b]
    entrypoint: [x]
    healthcheck:
      test: [CMD, a]
      interval: 10s
""", """
services:
  test:
    command: c
    entrypoint: [y, z]
    healthcheck:
      test: [CMD-SHELL, b]
""", """
services:
  test:
    command: c
    entrypoint: [y, z]
    healthcheck:
      test: [CMD-SHELL, b]
      interval: 10s
"""),
            C("ExtensionsMergeRecursively", """
x-a: {k1: 1, k2: 2}
services:
  test:
    x-foo: {a: 1}
""", """
x-a: {k3: 3}
services:
  test:
    x-foo: {b: 2}
""", """
x-a: {k1: 1, k2: 2, k3: 3}
services:
  test:
    x-foo: {a: 1, b: 2}
"""),
            C("NullScalarKeepsBase", """
services:
  test:
    image: a
""", """
services:
  test:
    image: null
""", """
services:
  test:
    image: a
"""),
            C("PortsShortDeduplicated", """
services:
  test:
    ports: ["80:80", "81:81"]
""", """
services:
  test:
    ports: ["80:80", "82:81"]
""", """
services:
  test:
    ports: ["80:80", "81:81", "82:81"]
"""),
            C("IpamConfigBySubnet", """
networks:
  n:
    ipam:
      config:
        - subnet: 10.0.0.0/24
          gateway: 10.0.0.1
        - subnet: 10.1.0.0/24
""", """
networks:
  n:
    ipam:
      config:
        - subnet: 10.0.0.0/24
          gateway: 10.0.0.254
""", """
networks:
  n:
    ipam:
      config:
        - subnet: 10.0.0.0/24
          gateway: 10.0.0.254
"""),
            C("ResetTag", """
services:
  test:
    image: foo
    ports: ["80:80"]
    environment: {A: "1"}
""", """
services:
  test:
    ports: !reset []
    environment: !reset {}
""", """
services:
  test:
    image: foo
"""),
            C("OverrideTag", """
services:
  test:
    image: foo
    ports: ["80:80"]
    environment: {A: "1"}
""", """
services:
  test:
    ports: !override ["90:90"]
    environment: !override {B: "2"}
""", """
services:
  test:
    image: foo
    ports: ["90:90"]
    environment: {B: "2"}
"""),
        };
    }
}
