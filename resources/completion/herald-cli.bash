# bash completion for herald-cli                              -*- shell-script -*-
#
# Installed as /usr/share/bash-completion/completions/herald-cli. Commands and
# options are read from the installed herald-cli's own help (`herald-cli --help`,
# `herald-cli COMMAND --help`), once per shell, so the completion cannot drift
# from the binary when commands are added. Only the value lists below are
# written here; they are the ones herald-cli's contract fixes.
# Works with or without the bash-completion package (no _init_completion).

# _herald_cli_help [ARGS...]: the help text, in the C locale (headings are
# translatable; the option names are not).
_herald_cli_help()
{
    LC_ALL=C LANGUAGE='' command "${_herald_cli_binary:-herald-cli}" "$@" --help 2>/dev/null
}

# Two-space-indented "--option [VALUE]" rows of a help text, one "--option VALUE"
# (or "--option") per line.
_herald_cli_option_rows()
{
    sed -n 's/^  \(-[A-Za-z], \)\{0,1\}\(--[A-Za-z0-9][-A-Za-z0-9]*\)\( [A-Z][A-Z_|]*\)\{0,1\}\( .*\)\{0,1\}$/\2\3/p'
}

# Fills _herald_cli_commands ("status", "app find", ...) and the global options
# from `herald-cli --help`, once per shell.
_herald_cli_load_globals()
{
    [ -n "${_herald_cli_loaded-}" ] && return
    local help
    help=$(_herald_cli_help) || return
    _herald_cli_commands=$(printf '%s\n' "$help" | sed -n '/^Commands:/,/^$/{
        s/^  \([a-z][-a-z]*\( [a-z][-a-z]*\)\{0,1\}\)  .*/\1/p
    }')
    _herald_cli_globals=$(printf '%s\n' "$help" | _herald_cli_option_rows)
    _herald_cli_loaded=1
}

# Options ("--option VALUE" rows) of one command, cached per command.
declare -gA _herald_cli_command_options 2>/dev/null || true
_herald_cli_load_command()
{
    local command=$1
    if [ -z "${_herald_cli_command_options[$command]+set}" ]; then
        # shellcheck disable=SC2086 # "app find" is two words on purpose
        _herald_cli_command_options[$command]=$(_herald_cli_help $command | _herald_cli_option_rows)
    fi
    printf '%s\n' "${_herald_cli_command_options[$command]}"
}

# Values of an option that takes one: fixed lists, files or directories.
# Returns 1 when the option takes no value (a flag).
_herald_cli_complete_value()
{
    local option=$1 value_name=$2 cur=$3
    case $option in
    --format) mapfile -t COMPREPLY < <(compgen -W 'table csv json' -- "$cur") ;;
    --cloud) mapfile -t COMPREPLY < <(compgen -W 'global usgov usgovdod china' -- "$cur") ;;
    --kind) mapfile -t COMPREPLY < <(compgen -W 'client bot' -- "$cur") ;;
    *)
        case $value_name in
        '') return 1 ;;
        *FILE*)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            ;;
        *DIR*)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -d -- "$cur")
            ;;
        *) COMPREPLY=() ;; # an id, a URL, a number: nothing to offer
        esac
        ;;
    esac
    return 0
}

_herald_cli()
{
    local cur=${COMP_WORDS[COMP_CWORD]}
    local prev=${COMP_WORDS[COMP_CWORD - 1]}
    COMPREPLY=()
    _herald_cli_binary=${COMP_WORDS[0]}
    _herald_cli_load_globals

    # Which command has been typed so far ("app find" counts as one), skipping
    # the values of global options.
    local i word command='' rows
    rows=$_herald_cli_globals
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [ -z "$command" ]; then
            case $word in
            --*)
                if printf '%s\n' "$_herald_cli_globals" | grep -q -- "^$word "; then
                    ((i++))
                fi
                ;;
            *)
                command=$word
                # A two-word command: take its second word too, when typed.
                if printf '%s\n' "$_herald_cli_commands" | grep -q "^$word " &&
                    ((i + 1 < COMP_CWORD)); then
                    command="$word ${COMP_WORDS[i + 1]}"
                    ((i++))
                fi
                ;;
            esac
        fi
    done

    if [ -n "$command" ]; then
        # The second word of a two-word command?
        local first=${command%% *}
        if [ "$command" = "$first" ] && printf '%s\n' "$_herald_cli_commands" | grep -q "^$first "; then
            mapfile -t COMPREPLY < <(compgen -W "$(printf '%s\n' "$_herald_cli_commands" |
                sed -n "s/^$first \(.*\)/\1/p")" -- "$cur")
            return
        fi
        # Global options are accepted after the command too.
        rows=$(_herald_cli_load_command "$command")$'\n'$_herald_cli_globals
    fi

    # The value of the previous option?
    if [[ $prev == --* ]]; then
        local row value_name
        row=$(printf '%s\n' "$rows" | grep -m1 -- "^$prev\( \|$\)")
        if [ -n "$row" ]; then
            value_name=${row#"$prev"}
            value_name=${value_name# }
            _herald_cli_complete_value "$prev" "$value_name" "$cur" && return
        fi
    fi

    if [[ $cur == -* ]] || [ -n "$command" ]; then
        mapfile -t COMPREPLY < <(compgen -W "$(printf '%s\n' "$rows" | cut -d' ' -f1 | sort -u)" -- "$cur")
        return
    fi
    mapfile -t COMPREPLY < <(compgen -W "$(printf '%s\n' "$_herald_cli_commands" | cut -d' ' -f1 | sort -u)" -- "$cur")
}

complete -F _herald_cli herald-cli
