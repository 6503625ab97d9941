# x86-64 multiprocessor support: the per-CPU block each CPU finds through its
# GS base, and the real-mode trampoline an application processor (AP) starts in.
#
# An AP wakes from INIT-SIPI-SIPI in 16-bit real mode at vector * 4096 with
# CS = vector << 8, IP = 0 and nothing else set up. Processors.X64.cs copies
# ap_trampoline (position-dependent: assembled for TrampolineBase) to low
# memory and fills its data block (page tables, stack, CPU index); the AP then
# climbs real mode -> protected mode -> long mode on the trampoline's own GDT,
# enables SSE as boot.s does, and calls ks_secondary_main(index) on the stack
# it was given. The GDT keeps boot.s's selectors (0x08 64-bit code, 0x10 data)
# because every IDT gate names 0x08.
	.intel_syntax noprefix

	.set TRAMPOLINE_BASE, 0x8000
	.set MAX_CPUS, 16
	.set CPU_BLOCK_SIZE, 64

	.text
	.global ks_cpu_index
ks_cpu_index:                             # int ks_cpu_index(void): word 0 of this CPU's block
	mov eax, gs:[0]
	ret

	.global ks_set_cpu_block
ks_set_cpu_block:                         # void ks_set_cpu_block(int index): GS base = &block[index]
	movsxd rax, edi
	shl rax, 6                            # * CPU_BLOCK_SIZE
	lea rdx, [rip + ks_cpu_blocks]
	add rax, rdx
	mov [rax], edi
	mov rdx, rax
	shr rdx, 32
	mov ecx, 0xC0000101                   # IA32_GS_BASE
	wrmsr
	ret

	.global ks_trampoline_start
ks_trampoline_start:                      # nuint: where the trampoline's image starts
	lea rax, [rip + ap_trampoline]
	ret

	.global ks_trampoline_size
ks_trampoline_size:
	mov eax, offset ap_trampoline_end - ap_trampoline
	ret

	.section .rodata
	.align 16
	.code16
ap_trampoline:
	cli
	xor ax, ax
	mov ds, ax
	lgdt [TRAMPOLINE_BASE + (ap_gdt_pointer - ap_trampoline)]
	mov eax, cr0
	or eax, 1                             # PE
	mov cr0, eax
	# Far jump to 32-bit code (selector 0x18) with a 32-bit offset: 66 EA ptr16:32.
	.byte 0x66, 0xEA
	.long TRAMPOLINE_BASE + (ap_protected - ap_trampoline)
	.word 0x18

	.code32
ap_protected:
	mov ax, 0x10
	mov ds, ax
	mov es, ax
	mov ss, ax
	mov eax, cr4
	or eax, (1 << 5) | (1 << 9) | (1 << 10)   # PAE, OSFXSR, OSXMMEXCPT (SSE, as boot.s)
	mov cr4, eax
	mov eax, [TRAMPOLINE_BASE + (ap_cr3 - ap_trampoline)]
	mov cr3, eax
	mov ecx, 0xC0000080                   # IA32_EFER
	rdmsr
	or eax, 1 << 8                        # LME
	wrmsr
	mov eax, cr0
	and eax, ~(1 << 2)                    # EM off
	or eax, (1 << 31) | (1 << 1)          # PG (long mode becomes active), MP
	mov cr0, eax
	.byte 0xEA                            # far jump to 64-bit code, selector 0x08
	.long TRAMPOLINE_BASE + (ap_long - ap_trampoline)
	.word 0x08

	.code64
ap_long:
	mov ax, 0x10
	mov ds, ax
	mov es, ax
	mov ss, ax
	xor eax, eax
	mov fs, ax
	mov gs, ax                            # ks_secondary_main sets the GS base after this
	mov rsp, [TRAMPOLINE_BASE + (ap_stack - ap_trampoline)]
	mov edi, [TRAMPOLINE_BASE + (ap_index - ap_trampoline)]
	xor ebp, ebp
	movabs rax, offset ks_secondary_main
	call rax
1:	cli
	hlt
	jmp 1b

	.align 16
ap_gdt:
	.quad 0                               # null
	.quad 0x00AF9A000000FFFF              # 0x08: 64-bit code, ring 0 (as boot.s)
	.quad 0x00CF92000000FFFF              # 0x10: flat data
	.quad 0x00CF9A000000FFFF              # 0x18: flat 32-bit code, for the climb only
ap_gdt_end:
ap_gdt_pointer:
	.word ap_gdt_end - ap_gdt - 1
	.long TRAMPOLINE_BASE + (ap_gdt - ap_trampoline)
	# The data block, filled by Processors.X64.cs before each start (at these offsets).
	.align 8
ap_cr3:
	.quad 0
ap_stack:
	.quad 0
ap_index:
	.quad 0
ap_trampoline_end:

	.global ks_trampoline_data_offset
	.text
ks_trampoline_data_offset:                # offset of ap_cr3 (then stack, index) in the trampoline
	mov eax, offset ap_cr3 - ap_trampoline
	ret

	# One 64-byte block per CPU (a cache line each); word 0 is the CPU's index.
	.section .bss
	.align 64
ks_cpu_blocks:
	.skip MAX_CPUS * CPU_BLOCK_SIZE

	.section .note.GNU-stack, "", @progbits
